import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { readRepoFile } from './repo-files';

export const APPS = ['api-gateway', 'platform-adapters', 'persistence', 'monitor'] as const;
export type App = (typeof APPS)[number];

type SchemaKey = keyof typeof CONFIG_SCHEMA;

/**
 * The setting each app listens on, read from the app's own main.ts (`port: (config) =>
 * config.X`), so a deployment file is checked against the port the app really serves.
 */
export function portVariableOf(app: App): SchemaKey {
  const main = readRepoFile('apps', app, 'src', 'main.ts');
  const match = /port:\s*\(\s*config\s*\)\s*=>\s*config\.([A-Z0-9_]+)/.exec(main);
  if (!match) throw new Error(`apps/${app}/src/main.ts: cannot find "port: (config) => config.X"`);
  const name = match[1];
  if (!(name in CONFIG_SCHEMA))
    throw new Error(`apps/${app}/src/main.ts listens on ${name}, not in the config schema`);
  return name as SchemaKey;
}

/** The port an app listens on given some settings: the setting when present, else the schema default. */
export function effectivePort(app: App, settings: Record<string, unknown> = {}): number {
  const variable = portVariableOf(app);
  const given = settings[variable];
  const raw = given === undefined || given === '' ? CONFIG_SCHEMA[variable].default : String(given);
  return Number(raw);
}

export function isSchemaVariable(name: string): name is SchemaKey {
  return name in CONFIG_SCHEMA;
}

export function isSecretVariable(name: string): boolean {
  return isSchemaVariable(name) && CONFIG_SCHEMA[name].type === 'secret';
}
