#!/usr/bin/env node
// Reads `npm ci`'s error output on stdin; exits 0 when every "Missing: <pkg>@ from lock file" it
// names is a platform-specific optional dependency that package-lock.json declares (as
// `optionalDependencies` of a locked package) but holds no entry for, 1 otherwise.
//
// Why: npm records only the optional binaries the registry served when the lock was written
// (npm/cli#4828), and this machine's registry serves no darwin/win32 builds, so the lock cannot
// hold them; newer npm then refuses `npm ci`. That gap is harmless — those binaries never install
// here — while any other "Missing" means package.json and the lock really disagree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib/paths.mjs';

const output = readFileSync(0, 'utf8');
const missing = [...output.matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
if (!missing.length) process.exit(1);

const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'));
const declaredOptional = new Set();
for (const entry of Object.values(lock.packages ?? {})) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) declaredOptional.add(name);
}
const locked = new Set(Object.keys(lock.packages ?? {}).map((path) => path.replace(/^.*node_modules\//, '')));
const realGaps = missing.filter((name) => !declaredOptional.has(name) || locked.has(name));
if (realGaps.length) {
  console.error(
    `lockfile: not optional platform builds, so package.json and the lock disagree: ${realGaps.join(', ')}`,
  );
  process.exit(1);
}
console.error(
  `lockfile: ${missing.length} optional platform builds the registry does not serve are absent (npm/cli#4828)`,
);
