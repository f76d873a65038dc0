import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { DockerStage } from './read-dockerfile';
import { repoPath } from './repo-files';

const WORKDIR = '/app';

/**
 * What the final stage puts under its WORKDIR, as paths of this repository: a context copy is
 * the path itself, a copy from an earlier stage's /app/<x> is <x> as built here (dist after
 * `npm run build`, node_modules after `npm ci`).
 */
export function runtimeLayout(stages: DockerStage[]): string[] {
  const runtime = stages[stages.length - 1];
  const workdir = runtime.instructions.filter((i) => i.keyword === 'WORKDIR').pop()?.args[0];
  if (workdir !== WORKDIR) throw new Error(`the runtime stage's WORKDIR is ${workdir}, expected ${WORKDIR}`);
  const paths: string[] = [];
  for (const copy of runtime.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
    const sources = copy.args.slice(0, -1);
    const destination = posix.normalize(copy.args[copy.args.length - 1]);
    for (const source of sources) {
      const inRepo = copy.flags.from ? posix.relative(WORKDIR, source) : posix.normalize(source);
      const target = destination.endsWith('/')
        ? posix.join(destination, posix.basename(inRepo))
        : destination;
      if (posix.normalize(target) !== inRepo) {
        throw new Error(`COPY ${source} ${destination}: the image path differs from the repository path`);
      }
      paths.push(inRepo);
    }
  }
  return paths;
}

export function isInLayout(layout: string[], path: string): boolean {
  const normalized = posix.normalize(path);
  return layout.some((entry) => normalized === entry || normalized.startsWith(`${entry}/`));
}

/** A directory holding just the runtime layout (node_modules linked, not copied). */
export function materializeLayout(layout: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'karmabot-image-'));
  for (const entry of layout) {
    const target = join(root, entry);
    mkdirSync(dirname(target), { recursive: true });
    if (entry === 'node_modules') symlinkSync(repoPath('node_modules'), target, 'dir');
    else cpSync(repoPath(entry), target, { recursive: true });
  }
  return root;
}
