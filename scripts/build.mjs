// Compiles every app and lib in one pass (type-checked by tsc) and rewrites the
// @karmabot/* path aliases to relative paths so `node dist/...` runs without a loader.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (bin, args) => execFileSync(process.execPath, [require.resolve(bin), ...args], { stdio: 'inherit' });

try {
  run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  run('tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json']);
} catch (error) {
  process.exit(error.status ?? 1);
}
