import { CONFIG_SCHEMA, ConfigKey, VarSpec } from './config-schema';

type Schema = typeof CONFIG_SCHEMA;
type ValueOf<S> = S extends { type: 'int' }
  ? number
  : S extends { type: 'bool' }
    ? boolean
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

export type AppConfig = { readonly [K in ConfigKey]: ValueOf<Schema[K]> };

export class ConfigInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and validates the environment against the schema, reporting every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_SCHEMA) as [ConfigKey, VarSpec][]) {
    const raw: string = env[name] ?? spec.default ?? '';
    const parsed = parseVar(name, raw, spec);
    if (parsed instanceof Problem) problems.push(parsed.message);
    else values[name] = parsed;
  }
  if (values.NODE_ENV === 'production') {
    for (const name of ['ADMIN_TOKEN', 'API_KEY_PEPPER'] as const) {
      if (!values[name]) problems.push(`${name}: required when NODE_ENV=production`);
    }
  }
  if (problems.length) throw new ConfigInvalid(problems);
  return Object.freeze(values) as AppConfig;
}

class Problem {
  constructor(readonly message: string) {}
}

function parseVar(name: string, raw: string, spec: VarSpec): unknown {
  const fail = (why: string) =>
    new Problem(`${name}: ${why} (got ${JSON.stringify(spec.type === 'secret' ? '***' : raw)})`);
  switch (spec.type) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) return fail('must be an integer');
      const n = Number(raw);
      if (spec.min !== undefined && n < spec.min) return fail(`must be ≥ ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) return fail(`must be ≤ ${spec.max}`);
      return n;
    }
    case 'bool':
      if (!['true', 'false', '1', '0'].includes(raw)) return fail('must be true or false');
      return raw === 'true' || raw === '1';
    case 'enum':
      if (!spec.values?.includes(raw)) return fail(`must be one of ${spec.values?.join(', ')}`);
      return raw;
    case 'url':
      try {
        new URL(raw);
        return raw;
      } catch {
        return fail('must be a URL');
      }
    default:
      return raw;
  }
}
