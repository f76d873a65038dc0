import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppError, GetOpCommand, OpStatusView, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { PersistenceQueries } from '../../persistence/persistence-queries';
import { callerOf } from '../../rpc/caller-of';

/**
 * An op's state for the client that wrote it (say, after a timeout). Another key gets the same
 * 404 as for an op that does not exist, so op ids reveal nothing about other clients' writes.
 */
@Controller()
export class GetOpHandler {
  constructor(private readonly queries: PersistenceQueries) {}

  @MessagePattern(Patterns.opStatus.get)
  async handle(@Payload() { meta, data }: RpcEnvelope<GetOpCommand>): Promise<OpStatusView> {
    const caller = callerOf(meta);
    const op = await this.queries.ask(Patterns.op.get, { opId: data.opId }, caller);
    if (!op || (caller.kind !== 'admin' && op.actor !== caller.id)) {
      throw new AppError('OP_NOT_FOUND', 'No op with this id for this caller');
    }
    // Only what the client saw: the error's headers (e.g. Retry-After of that moment) are not part of it.
    const error = op.error && { code: op.error.code, detail: op.error.detail, errors: op.error.errors };
    return { opId: op.opId, type: op.type, state: op.state, result: op.result, error, at: op.at };
  }
}
