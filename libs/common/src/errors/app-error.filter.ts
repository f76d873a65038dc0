import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throwError } from 'rxjs';
import { AppError } from '@karmabot/contracts';
import { currentCorrelationId } from '../logging/request-context';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDetails } from '../http/problem-details';
import { toAppError } from './to-app-error';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one exception filter, for HTTP and RPC alike. Over RPC an error travels as the
 * AppError's JSON (code, detail, field errors) so the caller rebuilds it with its status; over
 * HTTP it leaves as RFC 9457 problem+json. Unexpected errors are logged and never leak.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = toAppError(exception);
    if (error.code === 'INTERNAL') {
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
    if (host.getType() === 'rpc') return throwError(() => error.toJSON());
    return this.reply(error, host);
  }

  private reply(error: AppError, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem: ProblemDetails = {
      type: PROBLEM_TYPE_BASE + error.code.toLowerCase().replace(/_/g, '-'),
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      correlation_id: currentCorrelationId() ?? String(request?.id ?? ''),
      instance: request?.url,
    };
    if (error.errors.length) problem.errors = error.errors;
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    reply.status(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
