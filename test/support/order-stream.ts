import { randomUUID } from 'node:crypto';
import { orderBody } from '../fixtures/order-body';
import { api } from './http';
import { Suite } from './suite';

export interface StreamedWrite {
  idempotencyKey: string;
  telegramId: string;
  status: number;
  opId: string | null;
  /** When the request was sent and answered (ms, performance.now()). */
  sentAt: number;
  answeredAt: number;
  error?: string;
  body?: unknown;
}

export interface OrderStream {
  /** Every request answered so far, in answer order. */
  readonly writes: StreamedWrite[];
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<StreamedWrite[]>;
}

/**
 * A steady stream of orders through the gateway, `concurrency` requests at a time, each with an
 * Idempotency-Key of its own, spread over the given Telegram customers; what a store outage
 * must not interrupt. A request that fails in transport is recorded with status 0.
 */
export function streamOrders(
  suite: Pick<Suite, 'baseUrl' | 'adminToken'>,
  apiKey: string,
  telegramIds: readonly string[],
  { concurrency = 4, pauseMs = 10 }: { concurrency?: number; pauseMs?: number } = {},
): OrderStream {
  const http = api(suite);
  const writes: StreamedWrite[] = [];
  let running = true;
  let next = 0;
  const worker = async () => {
    while (running) {
      const telegramId = telegramIds[next++ % telegramIds.length];
      const idempotencyKey = `stream-${randomUUID()}`;
      const sentAt = performance.now();
      try {
        const response = await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
          apiKey,
          idempotencyKey,
          timeoutMs: 20_000,
        });
        writes.push({
          idempotencyKey,
          telegramId,
          status: response.status,
          opId: response.headers['x-op-id'] ?? null,
          sentAt,
          answeredAt: performance.now(),
          body: response.status >= 300 ? response.body : undefined,
        });
      } catch (error) {
        writes.push({
          idempotencyKey,
          telegramId,
          status: 0,
          opId: null,
          sentAt,
          answeredAt: performance.now(),
          error: (error as Error).message,
        });
      }
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    writes,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return writes;
    },
  };
}
