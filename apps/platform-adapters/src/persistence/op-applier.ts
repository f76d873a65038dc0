import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Pepper, RpcClient } from '@karmabot/common';
import { Caller, Op, OpOutcome, OpType, Patterns, WriteMeta } from '@karmabot/contracts';
import { OpDraft } from './op-draft';

/**
 * Turns a use case's decision into an op and has persistence apply it. Persistence is the one
 * idempotency point: the same op id and request hash answer the stored outcome (`replayed`).
 */
@Injectable()
export class OpApplier {
  constructor(
    private readonly rpc: RpcClient,
    private readonly pepper: Pepper,
  ) {}

  apply<T extends OpType, R>(draft: OpDraft<T>, write: WriteMeta, caller: Caller): Promise<OpOutcome<R>> {
    const op: Op<T> = {
      opId: write.opId,
      type: draft.type,
      payload: draft.payload,
      actor: caller.id,
      platform: draft.platform,
      at: new Date().toISOString(),
      requestHash: this.keyed(write.requestHash),
    };
    return this.rpc.send<OpOutcome<R>>(Patterns.op.apply, op, { caller });
  }

  /**
   * The gateway hashes the whole request body, which may hold a password. A bare SHA-256 of a
   * body with a guessable password could be brute-forced from the ops table; keyed with the
   * pepper (kept out of the database) it cannot, and equal bodies still hash equal.
   */
  private keyed(requestHash: string): string {
    return createHmac('sha256', this.pepper.value).update(requestHash).digest('hex');
  }
}
