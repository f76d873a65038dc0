import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyRecord, AppError, Patterns, QueryContracts } from '@karmabot/contracts';
import { Pepper, RpcClient } from '@karmabot/common';
import { hashApiKey } from '../api-keys/hash-api-key';
import { parseApiKeyPrefix } from '../api-keys/parse-api-key-prefix';
import { ApiKeyCache } from './api-key-cache';

type ByPrefix = QueryContracts['query.api-key.by-prefix'];

/**
 * Turns an `X-API-Key` header into the key's row, or a 401. Every failure says as little as
 * it can: the revoked state is only told to someone who holds the right secret.
 */
@Injectable()
export class ApiKeyVerifier {
  /** One lookup per prefix at a time: a burst of requests with a cold cache costs one RPC. */
  private readonly inFlight = new Map<string, Promise<ApiKeyRecord | null>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: ApiKeyCache,
    private readonly pepper: Pepper,
  ) {}

  async verify(rawKey: string): Promise<ApiKeyRecord> {
    const prefix = parseApiKeyPrefix(rawKey);
    if (!prefix)
      throw new AppError('UNAUTHENTICATED', 'X-API-Key is malformed: expected kb_<prefix>_<secret>');
    const record = await this.lookup(prefix);
    if (!record || !this.matches(rawKey, record.secretHash)) {
      throw new AppError('UNAUTHENTICATED', 'X-API-Key is not valid');
    }
    if (record.revokedAt) throw new AppError('UNAUTHENTICATED', 'X-API-Key has been revoked');
    return record;
  }

  private lookup(prefix: string): Promise<ApiKeyRecord | null> {
    const cached = this.cache.get(prefix);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.inFlight.get(prefix);
    if (!pending) {
      const generation = this.cache.generation;
      pending = this.rpc
        .send<ByPrefix['response'], ByPrefix['request']>(Patterns.query.apiKeyByPrefix, { prefix })
        .then((record) => {
          this.cache.set(prefix, record, generation);
          return record;
        })
        .finally(() => this.inFlight.delete(prefix));
      this.inFlight.set(prefix, pending);
    }
    return pending;
  }

  private matches(rawKey: string, storedHash: string): boolean {
    const expected = Buffer.from(storedHash, 'hex');
    const actual = Buffer.from(hashApiKey(rawKey, this.pepper.value), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
