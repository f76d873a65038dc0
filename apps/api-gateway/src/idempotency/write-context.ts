import { createHash } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { AppError, Caller } from '@karmabot/contracts';

/** Namespace of op ids derived from (caller, Idempotency-Key). Fixed forever: changing it breaks replays. */
const OP_ID_NAMESPACE = '6f1c0f52-8c1e-4a53-9a8e-2b7d6f3e9c41';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * What every write carries to the op it becomes. The op id is derived from the caller and the
 * Idempotency-Key, so a retry maps to the same op on any gateway; without a key a fresh UUIDv7
 * is minted. The request hash (method, route, body) tells a replay from a reused key.
 */
export interface WriteContext {
  opId: string;
  requestHash: string;
  caller: Caller;
  idempotencyKey: string | null;
}

export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
  const caller = request.caller;
  if (!caller) throw new Error('@Write() used on a route without @Auth()');
  return writeContextOf(request, caller);
});

export function writeContextOf(request: FastifyRequest, caller: Caller): WriteContext {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 1-255 printable ASCII characters',
      [{ field: 'Idempotency-Key', message: 'must be 1-255 printable ASCII characters' }],
    );
  }
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
  return {
    opId: key ? uuidv5(`${caller.id}\n${key}`, OP_ID_NAMESPACE) : uuidv7(),
    requestHash,
    caller,
    idempotencyKey: key ?? null,
  };
}

/** JSON with sorted keys, so the same body hashes the same whatever the client's key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
