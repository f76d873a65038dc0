import type { QueryResult, QueryResultRow } from 'pg';

/**
 * What runs one parameterized statement: the pool (for reads) or the client of an open
 * transaction (for an op). Code written against this works with either.
 */
export interface Sql {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
