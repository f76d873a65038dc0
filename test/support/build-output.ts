import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppName } from './app-names';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where `npm run build` puts an app's entry point. */
export function appEntryPoint(app: AppName): string {
  return resolve(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

/**
 * End-to-end tests run the compiled apps, as production does. A missing build fails the test
 * with the fix in the message instead of skipping anything.
 */
export function assertBuilt(apps: readonly AppName[]): void {
  const missing = apps.map(appEntryPoint).filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `Build output missing: ${missing.join(', ')}.\n` +
        'Run `npm run build` first (`npm test` does it for you through its pretest script).',
    );
  }
}
