/** The same server URL pointing at another database (e.g. the `postgres` maintenance db). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + encodeURIComponent(database);
  return parsed.toString();
}
