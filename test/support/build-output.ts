import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppName } from './app-names';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const BUILD_STAMP = resolve(REPO_ROOT, 'dist', '.build-stamp');

/** Where `npm run build` puts an app's entry point. */
export function appEntryPoint(app: AppName): string {
  return resolve(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

/**
 * End-to-end tests run the compiled apps, as production does. A missing build fails the test
 * with the fix in the message instead of skipping anything; a build older than the sources is
 * reported once, since the test would exercise yesterday's code.
 */
export function assertBuilt(apps: readonly AppName[]): void {
  const missing = apps.map(appEntryPoint).filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `Build output missing: ${missing.join(', ')}.\n` +
        'Run `npm run build` first (`npm test` does it for you through its pretest script).',
    );
  }
  warnIfStale();
}

let warned = false;
function warnIfStale(): void {
  if (warned || !existsSync(BUILD_STAMP)) return;
  const built = statSync(BUILD_STAMP).mtimeMs;
  const newer = ['apps', 'libs'].flatMap((dir) => sourcesNewerThan(resolve(REPO_ROOT, dir), built));
  if (newer.length) {
    warned = true;
    console.warn(
      `dist is older than ${newer.length} source file(s) (e.g. ${newer[0]}): these tests run the last build. ` +
        'Run `npm run build` (npm test does) to test the current code.',
    );
  }
}

function sourcesNewerThan(dir: string, time: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesNewerThan(path, time);
    const isSource = entry.name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(entry.name);
    return isSource && statSync(path).mtimeMs > time ? [path.slice(REPO_ROOT.length + 1)] : [];
  });
}
