import { DATA_SOURCES, DataSource } from '@karmabot/contracts';

/** The less fresh of two sources: an answer is only as fresh as its stalest part. */
const STALENESS: Record<DataSource, number> = { primary: 0, backup: 1, cache: 2 };

/**
 * Persistence marks each read with where it came from (`source`: primary, backup or cache).
 * This removes every such mark from a response body (top level and nested views) and returns
 * the stalest one, which the gateway sends as `X-Data-Source`; bodies never carry it.
 */
export function takeDataSource(body: unknown, depth = 0): DataSource | undefined {
  if (depth > 6 || body === null || typeof body !== 'object') return undefined;
  let found: DataSource | undefined;
  const note = (source: DataSource | undefined) => {
    if (source && (!found || STALENESS[source] > STALENESS[found])) found = source;
  };
  if (Array.isArray(body)) {
    for (const item of body) note(takeDataSource(item, depth + 1));
    return found;
  }
  const record = body as Record<string, unknown>;
  if ((DATA_SOURCES as readonly unknown[]).includes(record.source)) {
    note(record.source as DataSource);
    delete record.source;
  }
  for (const value of Object.values(record)) note(takeDataSource(value, depth + 1));
  return found;
}
