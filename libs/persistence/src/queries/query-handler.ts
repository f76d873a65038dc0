import { QueryContracts, QueryPattern } from '@karmabot/contracts';
import { Sql } from '../db/sql';

/** Serves one read. A row that does not exist is `null`, never an error: the caller picks the 404. */
export type QueryHandler<P extends QueryPattern> = (
  sql: Sql,
  request: QueryContracts[P]['request'],
) => Promise<QueryContracts[P]['response']>;
