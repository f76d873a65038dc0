import type { FastifyReply } from 'fastify';
import { AppError, OpOutcome, OpType } from '@karmabot/contracts';

const created = (result: unknown) =>
  (result as { created?: boolean } | undefined)?.created === false ? 200 : 201;

/**
 * The status of a write's answer, derived from the op's type and stored result. A replay gets
 * the stored outcome back, so it derives the same status as the first answer did.
 */
const ANSWER_STATUS: { [T in OpType]: (result: unknown) => number } = {
  'customer.register_telegram': created,
  'customer.register_website': created,
  'customer.update_profile': () => 200,
  'customer.link_telegram': () => 200,
  'link_code.issue': () => 201,
  'order.place': () => 201,
  'order.status_change': () => 200,
  'api_key.create': () => 201,
  'api_key.revoke': () => 200,
  'mode_event.record': () => 201,
};

interface WriteAnswerOptions<R> {
  /** Extra headers derived from the result, e.g. the ETag of the version written. */
  headers?: (result: R) => Record<string, string>;
}

/**
 * The one mapping from an op's outcome to HTTP, used by every write route: `op_id` in the body
 * and `X-Op-Id` header always, `Idempotent-Replayed: true` on a replay, 202 while the op is
 * queued (with `Location: /v1/ops/{op_id}`, where its fate can be read), and a rejected op
 * raised as the same problem its first answer was.
 */
export function answerWrite<R, B extends object>(
  reply: FastifyReply,
  outcome: OpOutcome<R>,
  toBody: (result: R) => B,
  options: WriteAnswerOptions<R> = {},
): (B & { opId: string }) | { opId: string; status: 'queued' } {
  reply.header('x-op-id', outcome.opId);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  if (outcome.state === 'rejected') {
    throw outcome.error
      ? AppError.fromJSON(outcome.error)
      : new AppError('INTERNAL', `Op ${outcome.opId} was rejected without a reason`);
  }
  if (outcome.state === 'queued') {
    reply.status(202);
    reply.header('location', `/v1/ops/${outcome.opId}`);
    return { opId: outcome.opId, status: 'queued' };
  }
  if (outcome.result === undefined)
    throw new AppError('INTERNAL', `Op ${outcome.opId} was applied without a result`);
  const result = outcome.result;
  for (const [name, value] of Object.entries(options.headers?.(result) ?? {})) reply.header(name, value);
  reply.status(ANSWER_STATUS[outcome.type](result));
  return { ...toBody(result), opId: outcome.opId };
}
