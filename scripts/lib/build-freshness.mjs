// Is dist older than the sources? Compares the newest source mtime with dist/.build-stamp.
// A runtime image holds dist without the sources: there is nothing to rebuild from, so dist is
// taken as it is.
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

/** Why a build is needed, or null when dist is up to date (or there are no sources to build). */
export function staleBuildReason() {
  const dirs = SOURCE_DIRS.map((dir) => resolve(ROOT, dir)).filter((dir) => existsSync(dir));
  const files = SOURCE_FILES.map((file) => resolve(ROOT, file)).filter((file) => existsSync(file));
  if (dirs.length < SOURCE_DIRS.length || files.length < SOURCE_FILES.length) return null;
  if (!existsSync(BUILD_STAMP)) return 'no build yet';
  const built = statSync(BUILD_STAMP).mtimeMs;
  let newest = 0;
  for (const dir of dirs) newest = Math.max(newest, newestMtime(dir));
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest > built ? 'sources changed since the last build' : null;
}
