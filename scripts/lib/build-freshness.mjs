// Is dist older than the sources? Compares the newest source mtime with dist/.build-stamp.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_STAMP, ROOT } from './paths.mjs';

const SOURCE_DIRS = ['apps', 'libs'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Why a build is needed, or null when dist is up to date. */
export function staleBuildReason() {
  if (!existsSync(BUILD_STAMP)) return 'no build yet';
  const built = statSync(BUILD_STAMP).mtimeMs;
  let newest = 0;
  for (const dir of SOURCE_DIRS) newest = Math.max(newest, newestMtime(resolve(ROOT, dir)));
  for (const file of SOURCE_FILES) newest = Math.max(newest, statSync(resolve(ROOT, file)).mtimeMs);
  return newest > built ? 'sources changed since the last build' : null;
}
