import { randomBytes } from 'node:crypto';
import { BenchSuite, ORDER_BODY } from './bench-suite';

export interface OrderAttempt {
  /** performance.now() when the request was sent and when its answer (or error) came. */
  sentAt: number;
  doneAt: number;
  /** HTTP status, or 0 for a connection error or timeout. */
  status: number;
  /** X-Op-Id of the answer, when there was one. */
  opId?: string;
}

/**
 * Orders placed continuously by `concurrency` clients, each order retried with its own
 * Idempotency-Key until it is accepted (201 placed, 202 queued) or refused for good (4xx), the
 * way a careful client behaves during an outage. Keeps every attempt and every accepted op id.
 */
export class OrderStream {
  readonly attempts: OrderAttempt[] = [];
  readonly acceptedOpIds: string[] = [];
  private isRunning = false;
  private workers: Promise<void>[] = [];
  private readonly run = randomBytes(4).toString('hex');
  private sequence = 0;

  constructor(
    private readonly bench: BenchSuite,
    private readonly concurrency: number,
    private readonly retryPauseMs = 50,
  ) {}

  start(): this {
    this.isRunning = true;
    this.workers = Array.from({ length: this.concurrency }, () => this.work());
    return this;
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    await Promise.all(this.workers);
  }

  /**
   * Places `count` orders (each retried until accepted) and resolves when all are, or when
   * `deadlineMs` (a performance.now() time) has passed: no new order is started after it.
   */
  async placeCount(count: number, deadlineMs = Infinity): Promise<void> {
    this.isRunning = true;
    let left = count;
    const worker = async () => {
      while (left-- > 0 && performance.now() < deadlineMs)
        await this.placeOne(() => performance.now() < deadlineMs);
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    this.isRunning = false;
  }

  private async work(): Promise<void> {
    while (this.isRunning) await this.placeOne(() => this.isRunning);
  }

  private async placeOne(shouldRetry: () => boolean): Promise<void> {
    const key = `bench-${this.run}-${this.sequence++}`;
    const path = `/v1/telegram/users/${this.bench.randomTelegramId()}/orders`;
    for (;;) {
      const attempt: OrderAttempt = { sentAt: performance.now(), doneAt: 0, status: 0 };
      try {
        const response = await fetch(new URL(path, this.bench.suite.baseUrl), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': this.bench.nextApiKey(),
            'idempotency-key': key,
          },
          body: ORDER_BODY,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        attempt.status = response.status;
        attempt.opId = response.headers.get('x-op-id') ?? undefined;
      } catch {
        attempt.status = 0;
      }
      attempt.doneAt = performance.now();
      this.attempts.push(attempt);
      if (attempt.status === 201 || attempt.status === 202) {
        if (attempt.opId) this.acceptedOpIds.push(attempt.opId);
        return;
      }
      if (attempt.status >= 400 && attempt.status < 500 && attempt.status !== 429) return;
      if (!shouldRetry()) return;
      await new Promise((resolve) => setTimeout(resolve, this.retryPauseMs));
    }
  }
}
