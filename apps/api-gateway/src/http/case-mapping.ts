/**
 * HTTP JSON is snake_case, everything inside is camelCase; these two functions are the one
 * place the mapping happens (request bodies on the way in, responses on the way out).
 */
type CamelWord<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelWord<T>>}` : S;
export type Camelized<T> = T extends (infer U)[]
  ? Camelized<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T as K extends string ? CamelWord<K> : K]: Camelized<T[K]> }
      : T;

export function toCamelCase<T>(value: T): Camelized<T> {
  return mapKeys(value, (key) =>
    key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
  ) as Camelized<T>;
}

export function toSnakeCase(value: unknown): unknown {
  return mapKeys(value, (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[rename(key)] = mapKeys(inner, rename);
  return out;
}
