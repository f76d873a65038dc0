import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { OpOutcome } from '@karmabot/contracts';
import { Replicator } from '@karmabot/persistence';

/** Longest a write waits for its copy before it is answered as not yet copied. */
const MAX_WAIT_MS = 2000;

/**
 * WRITE_CONCERN=both (DESIGN, "Writes: operations"): a write is answered once the other store
 * holds it too, like a synchronous standby. The op is not copied out of order: the write waits
 * for the replicator's position on the other store to pass it (the loop is woken, so this costs
 * a batch round trip, a few ms). When the other store is down (or slower than the wait), the
 * write is still acknowledged, with `replicated: false`. With WRITE_CONCERN=primary the outcome
 * is returned unchanged.
 */
@Injectable()
export class WriteConcern {
  private readonly logger = new Logger(WriteConcern.name);
  private readonly waitMs: number;

  constructor(
    private readonly replicator: Replicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.waitMs = Math.min(MAX_WAIT_MS, Math.floor(config.RPC_TIMEOUT_MS / 2));
  }

  get isBoth(): boolean {
    return this.config.WRITE_CONCERN === 'both';
  }

  async settle(outcome: OpOutcome): Promise<OpOutcome> {
    if (!this.isBoth) return outcome;
    if (outcome.state === 'queued') return { ...outcome, replicated: false };
    const replicated = await this.replicator
      .waitUntilCopied(outcome.opId, this.waitMs)
      .catch((error: unknown) => {
        this.logger.warn({
          msg: 'write_concern.unknown',
          op_id: outcome.opId,
          error: (error as Error).message,
        });
        return false;
      });
    return { ...outcome, replicated };
  }
}
