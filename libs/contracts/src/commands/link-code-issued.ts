/**
 * The answer to issuing a link code. The plain code exists only in the first answer: it is
 * never stored, so a replay gets `code: null` and a `detail` saying why.
 */
export interface LinkCodeIssued {
  code: string | null;
  expiresAt: string;
  detail?: string;
}
