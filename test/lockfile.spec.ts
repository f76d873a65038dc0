import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('package-lock.json', () => {
  it('lists every optional platform build, so `npm ci` accepts it on a fresh machine', () => {
    const run = () =>
      execFileSync(process.execPath, ['scripts/complete-lockfile.mjs', '--check'], {
        cwd: resolve(__dirname, '..'),
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  });
});
