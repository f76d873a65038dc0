#!/usr/bin/env node
// Prints README's configuration table from the compiled config schema (run `npm run build` first).
//   node scripts/config-table.mjs           print it
//   node scripts/config-table.mjs --write   replace the table between README.md's markers
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSchema } from './lib/compiled-config.mjs';
import { configTable, replaceTableInReadme } from './lib/config-docs.mjs';
import { ROOT } from './lib/paths.mjs';

const table = configTable(loadSchema());
if (process.argv.includes('--write')) {
  const readmePath = resolve(ROOT, 'README.md');
  writeFileSync(readmePath, replaceTableInReadme(readFileSync(readmePath, 'utf8'), table));
  console.log(`config-table: updated ${readmePath}`);
} else {
  process.stdout.write(table);
}
