import { Injectable } from '@nestjs/common';
import { RpcClient } from '@karmabot/common';
import { Caller, QueryContracts, QueryPattern } from '@karmabot/contracts';

/** Reads served by the persistence app, typed by QueryContracts: a missing row comes back as null. */
@Injectable()
export class PersistenceQueries {
  constructor(private readonly rpc: RpcClient) {}

  ask<P extends QueryPattern>(
    pattern: P,
    request: QueryContracts[P]['request'],
    caller?: Caller,
  ): Promise<QueryContracts[P]['response']> {
    return this.rpc.send<QueryContracts[P]['response']>(pattern, request, { caller });
  }
}
