/** PostgreSQL 15's tools on Debian live outside PATH; BENCH_PG_BIN points elsewhere. */
export const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PGBENCH = `${PG_BIN}/pgbench`;
