import { Op, OpType } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { OpResults } from './op-results';

/**
 * Applies one op type inside the op's transaction: reads and locks what it needs (customers
 * by ascending id, then orders), applies the domain rules, writes the effects and returns the
 * result. Throwing an AppError with a 4xx code rejects the op (recorded); anything else aborts it.
 * Every row it creates takes an id derived from the op and every timestamp is the op's `at`,
 * so the same op yields the same rows on any store.
 */
export type OpHandler<T extends OpType> = (tx: Sql, op: Op<T>) => Promise<OpResults[T]>;
