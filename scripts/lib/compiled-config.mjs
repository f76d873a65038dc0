// The config schema and loader as compiled into dist, so scripts use exactly what the apps use.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DIST } from './paths.mjs';

const require = createRequire(import.meta.url);
const CONFIG_DIR = resolve(DIST, 'libs', 'common', 'src', 'config');

function load(file) {
  const path = resolve(CONFIG_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` first.`);
  }
  return require(path);
}

/** `{ NAME: { type, default, values?, min?, max?, description } }`, in schema order. */
export function loadSchema() {
  return load('config-schema.js').CONFIG_SCHEMA;
}

/** `{ loadConfig, ConfigInvalid }` from libs/common/src/config/load-config.ts. */
export function loadConfigModule() {
  return load('load-config.js');
}
