// Adds to package-lock.json the platform builds of optional dependencies (e.g. @swc/core-darwin-arm64)
// that the registry reachable here does not serve. `npm install` leaves them out of the lock, and then
// `npm ci` refuses the lock on every machine (npm/cli#4828). With an entry naming its os and cpu, npm ci
// skips such a build on other platforms without fetching it. Run after `npm install`; `--check` only
// reports (the test suite runs it so a new dependency cannot break `npm ci` unnoticed).
import { readFileSync, writeFileSync } from 'node:fs';

const NODE_CPU = { ppc64le: 'ppc64', 'arm-gnueabihf': 'arm' };
const checkOnly = process.argv.includes('--check');
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const added = [];

for (const entry of Object.values({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const path = `node_modules/${name}`;
    if (packages[path]) continue;
    const platform =
      /-(darwin|linux|win32|freebsd|android|openbsd|sunos|aix)-([a-z0-9]+(?:-gnueabihf)?)/.exec(name);
    if (!platform)
      throw new Error(`${name} is missing from the lock and is not a platform build: run npm install`);
    const [, os, arch] = platform;
    const cpu = NODE_CPU[arch] ?? arch.replace(/-.*/, '');
    const file = name.split('/').pop();
    packages[path] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${file}-${version}.tgz`,
      optional: true,
      os: [os],
      cpu: [cpu],
    };
    added.push(`${name}@${version}`);
  }
}

if (checkOnly) {
  if (added.length) {
    console.error(
      `package-lock.json lacks ${added.length} platform builds (${added.join(', ')}): run npm run lockfile:complete`,
    );
    process.exit(1);
  }
} else if (added.length) {
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
  );
  writeFileSync('package-lock.json', JSON.stringify({ ...lock, packages: sorted }, null, 2) + '\n');
  console.log(`package-lock.json: added ${added.length} platform builds`);
}
