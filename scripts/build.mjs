// Compiles every app and lib in one pass (type-checked by tsc) and rewrites the
// @karmabot/* path aliases to relative paths so `node dist/...` runs without a loader.
// Leaves dist/.build-stamp behind, which `npm start` compares with the sources' times.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUILD_STAMP, DIST, ROOT } from './lib/paths.mjs';

const require = createRequire(import.meta.url);
const run = (bin, args) => {
  try {
    execFileSync(process.execPath, [require.resolve(bin), ...args], { stdio: 'inherit', cwd: ROOT });
    return 0;
  } catch (error) {
    return error.status ?? 1;
  }
};

// tsc emits even when it reports type errors; the aliases are rewritten anyway so dist never holds
// files that cannot load, and the build still fails with tsc's status.
const tscStatus = run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
const aliasStatus = run('tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json']);
if (tscStatus || aliasStatus) process.exit(tscStatus || aliasStatus);
mkdirSync(DIST, { recursive: true });
writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
