import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(ROOT, 'dist');
/** Written by scripts/build.mjs after a successful build; its mtime is the build's time. */
export const BUILD_STAMP = resolve(DIST, '.build-stamp');
