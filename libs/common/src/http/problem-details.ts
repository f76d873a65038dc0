import { FieldError } from '@karmabot/contracts';

/** RFC 9457 problem details, as every error leaves the gateway. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlation_id?: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://karmabot.dev/problems/';
