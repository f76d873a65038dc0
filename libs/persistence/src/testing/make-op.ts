import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Op, OpPayloads, OpType } from '@karmabot/contracts';
import { canonicalJson } from '../ops/canonical-json';

/**
 * Test fixture: an op as the gateway would build it, with a fresh id, the current time and a
 * request hash of its payload (so the same payload replays, and another one is a reused key).
 */
export function makeOp<T extends OpType>(
  type: T,
  payload: OpPayloads[T],
  overrides: Partial<Op<T>> = {},
): Op<T> {
  return {
    opId: uuidv7(),
    type,
    payload,
    actor: 'test',
    platform: 'system',
    at: new Date().toISOString(),
    requestHash: createHash('sha256')
      .update(`${type}\n${canonicalJson(payload)}`)
      .digest('hex'),
    ...overrides,
  };
}
