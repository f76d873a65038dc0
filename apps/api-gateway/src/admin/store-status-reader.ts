import { Injectable } from '@nestjs/common';
import { Patterns } from '@karmabot/contracts';
import { RpcClient } from '@karmabot/common';

/** The fields of persistence's `store.status` answer the gateway relies on; the rest passes through. */
export interface StoreStatusAnswer {
  mode?: string;
  [field: string]: unknown;
}

export type StoreStatusReading =
  | { isReachable: true; latencyMs: number; answer: StoreStatusAnswer }
  | { isReachable: false; latencyMs: number; error: string };

/** Asks persistence for the store mode, with a short timeout: health pages must answer fast. */
@Injectable()
export class StoreStatusReader {
  constructor(private readonly rpc: RpcClient) {}

  async read(timeoutMs: number): Promise<StoreStatusReading> {
    const started = performance.now();
    const latencyMs = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      const answer = await this.rpc.send<StoreStatusAnswer>(Patterns.store.status, {}, { timeoutMs });
      return { isReachable: true, latencyMs: latencyMs(), answer };
    } catch (error) {
      return { isReachable: false, latencyMs: latencyMs(), error: (error as Error).message };
    }
  }
}
