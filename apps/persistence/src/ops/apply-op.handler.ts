import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppError, Op, OpOutcome, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';
import { WriteConcern } from '../replication/write-concern';
import { opsServed } from './op-metrics';

/**
 * `op.apply`: every write in the system ends here. The store applies the op exactly once and
 * answers its outcome (applied or rejected, first time or replay); errors that decide nothing
 * (a missing customer, the store being down) travel back as AppErrors through the RPC filter.
 */
@Controller()
export class ApplyOpHandler {
  private readonly logger = new Logger(ApplyOpHandler.name);

  constructor(
    @Inject(STORE) private readonly store: Store,
    private readonly writeConcern: WriteConcern,
  ) {}

  @MessagePattern(Patterns.op.apply)
  async apply(@Payload() envelope: RpcEnvelope<Op>): Promise<OpOutcome> {
    const op = envelope.data;
    const started = performance.now();
    try {
      // With WRITE_CONCERN=both, answered once the other store holds it too (or says it does not yet).
      const outcome = await this.writeConcern.settle(await this.store.applyOp(op));
      opsServed.inc({ type: outcome.type, state: outcome.state, replayed: String(outcome.replayed) });
      this.logger.log({
        msg: 'op.applied',
        op_id: outcome.opId,
        type: outcome.type,
        state: outcome.state,
        replayed: outcome.replayed,
        replicated: outcome.replicated,
        error_code: outcome.error?.code,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
      return outcome;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      opsServed.inc({ type: String(op?.type), state: 'failed', replayed: 'false' });
      this.logger.warn({ msg: 'op.failed', op_id: op?.opId, type: op?.type, error_code: code });
      throw error;
    }
  }
}
