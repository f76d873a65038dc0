import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { WriteMeta } from '@karmabot/contracts';

/** Namespace of the op ids the bot derives. Fixed forever: changing it breaks replays. */
const BOT_OP_NAMESPACE = 'a3c5e1f2-4b6d-4e8a-9c0b-7d2f1e3a5b6c';

/**
 * The idempotency facts of a bot write, derived from what makes it unique (an update id, an
 * order draft), so a redelivered update or a second tap on "Confirm" maps to the same op and
 * persistence answers the first outcome instead of writing twice.
 */
export function botWriteMeta(botId: string, key: string, body: Record<string, unknown>): WriteMeta {
  return {
    opId: uuidv5(`${botId}\n${key}`, BOT_OP_NAMESPACE),
    requestHash: createHash('sha256')
      .update(`telegram-bot ${key}\n${stableJson(body)}`)
      .digest('hex'),
  };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
