import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { AppError, Caller, Pattern, RpcEnvelope } from '@karmabot/contracts';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/load-config';
import { currentCorrelationId } from '../logging/request-context';
import { PrefixedRedisClient } from './prefixed-redis-client';

export interface RpcCallOptions {
  caller?: Caller;
  timeoutMs?: number;
}

/**
 * The one way an app calls another: wraps the payload in an envelope carrying the
 * correlation id, fails with UPSTREAM_TIMEOUT (503) instead of hanging, and turns a remote
 * AppError back into an AppError with the same code and status.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly client: PrefixedRedisClient;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = new PrefixedRedisClient(config.REDIS_PREFIX, config.REDIS_URL);
  }

  async send<R, T = unknown>(pattern: Pattern, data: T, options: RpcCallOptions = {}): Promise<R> {
    const envelope: RpcEnvelope<T> = {
      meta: { correlationId: currentCorrelationId() ?? randomUUID(), caller: options.caller },
      data,
    };
    const timeoutMs = options.timeoutMs ?? this.config.RPC_TIMEOUT_MS;
    try {
      return await firstValueFrom(this.client.send<R>(pattern, envelope).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw toAppError(pattern, timeoutMs, error);
    }
  }

  async onApplicationShutdown() {
    await this.client.close();
  }
}

function toAppError(pattern: string, timeoutMs: number, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (AppError.isSerialized(error)) return AppError.fromJSON(error);
  if (error instanceof TimeoutError) {
    return new AppError('UPSTREAM_TIMEOUT', `No answer to ${pattern} within ${timeoutMs} ms`);
  }
  const message =
    error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error);
  return new AppError('UPSTREAM_UNAVAILABLE', `${pattern} failed: ${message}`);
}
