#!/usr/bin/env node
// Prints .env.example from the compiled config schema (run `npm run build` first).
//   node scripts/env-example.mjs           print it
//   node scripts/env-example.mjs --write   write .env.example
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSchema } from './lib/compiled-config.mjs';
import { envExample } from './lib/config-docs.mjs';
import { ROOT } from './lib/paths.mjs';

const text = envExample(loadSchema());
if (process.argv.includes('--write')) {
  const path = resolve(ROOT, '.env.example');
  writeFileSync(path, text);
  console.log(`env-example: wrote ${path}`);
} else {
  process.stdout.write(text);
}
