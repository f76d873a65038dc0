#!/usr/bin/env node
// `npm start`: runs the four KarmaBot apps on this machine, with readable logs.
//
//   node scripts/start-suite.mjs                 all four apps
//   node scripts/start-suite.mjs persistence     one (or some) of them (npm run start:<app>)
//   node scripts/start-suite.mjs --json          log lines as the apps write them (JSON)
//   node scripts/start-suite.mjs --no-build      run dist as it is, even if older than the sources
//
// Loads .env when present (variables already set win), builds when dist is missing or older than
// the sources, makes development secrets once (.karmabot/, never in production), validates the
// config with the apps' own loader, migrates the databases, then starts each app as its own
// process and prints where to go once all are ready. Ctrl-C or SIGTERM stops them all; if an app
// dies on its own, the others are stopped and this exits non-zero.
/* global fetch, AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setInterval, setTimeout } from 'node:timers';
import { APPS, entryPoint } from './lib/apps.mjs';
import { staleBuildReason } from './lib/build-freshness.mjs';
import { colorizer } from './lib/colors.mjs';
import { loadConfigModule } from './lib/compiled-config.mjs';
import { localSecret } from './lib/local-secrets.mjs';
import { formatLogLine } from './lib/log-format.mjs';
import { DIST, ROOT } from './lib/paths.mjs';

const paint = colorizer(process.stdout);
const say = (text) => console.log(`${paint('bold', '[start]')} ${text}`);
const fail = (text) => {
  console.error(`${paint('red', '[start]')} ${text}`);
  process.exit(1);
};

const args = process.argv.slice(2);
const rawJson = args.includes('--json');
const skipBuild = args.includes('--no-build');
const unknownFlags = args.filter((arg) => arg.startsWith('--') && !['--json', '--no-build'].includes(arg));
if (unknownFlags.length) fail(`unknown option ${unknownFlags.join(', ')}; known: --json, --no-build`);
const wanted = args.filter((arg) => !arg.startsWith('--'));
const unknown = wanted.filter((name) => !APPS.some((app) => app.name === name));
if (unknown.length)
  fail(`unknown app ${unknown.join(', ')}; choose from ${APPS.map((a) => a.name).join(', ')}`);
const apps = wanted.length ? APPS.filter((app) => wanted.includes(app.name)) : APPS;

// 1. Settings: .env first (the process's own variables win), schema defaults for the rest.
const envFile = resolve(ROOT, '.env');
if (existsSync(envFile)) {
  process.loadEnvFile(envFile);
  say(`loaded ${envFile}`);
}

// 2. Build when needed.
const stale = staleBuildReason();
if (stale === 'no build yet' || (stale && !skipBuild)) {
  say(`building (${stale}) …`);
  const build = spawnSync(process.execPath, [resolve(ROOT, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (build.status !== 0) fail('the build failed; fix the errors above and run npm start again');
}

// 3. Development secrets, made once and kept; production must bring its own.
const production = (process.env.NODE_ENV || 'development') === 'production';
const secretSources = {};
for (const [name, file] of [
  ['ADMIN_TOKEN', 'admin-token'],
  ['API_KEY_PEPPER', 'api-key-pepper'],
]) {
  if (process.env[name]) {
    secretSources[name] = 'environment';
    continue;
  }
  if (production)
    fail(`${name} is required when NODE_ENV=production; npm start generates secrets only in development`);
  const secret = localSecret(file);
  process.env[name] = secret.value;
  secretSources[name] = secret.path;
  if (secret.created) say(`generated ${name} into ${secret.path} (mode 0600, git-ignored)`);
}

// 4. Validate with the apps' own loader, so a bad variable is reported once, not by four apps.
const { loadConfig, ConfigInvalid } = loadConfigModule();
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigInvalid) fail(error.message);
  throw error;
}

// 5. Migrations (they also create the databases when missing), when persistence is among the apps.
//    The runner migrates DATABASE_URL; the backup is one more run with its URL, unless the runner
//    already reported it or the backup is reached through supabase-js.
function migrate(label, env) {
  const runner = resolve(DIST, 'libs', 'persistence', 'src', 'migrations', 'run-migrations.js');
  if (!existsSync(runner)) fail(`${runner} is missing: the build is incomplete`);
  const result = spawnSync(process.execPath, [runner], { cwd: ROOT, env, encoding: 'utf8' });
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').filter(Boolean);
  for (const line of lines)
    console.log(`${paint('gray', `[migrate:${label}]`)} ${rawJson ? line : formatLogLine(line, paint)}`);
  if (result.status !== 0)
    fail(`migrating the ${label} database failed (exit ${result.status ?? result.signal}); see above`);
  return lines;
}
if (apps.some((app) => app.name === 'persistence')) {
  const reported = migrate('primary', process.env);
  const backupDone = reported.some((line) => line.includes('"store":"backup"'));
  if (!backupDone && !config.SUPABASE_URL && config.BACKUP_DATABASE_URL !== config.DATABASE_URL) {
    migrate('backup', { ...process.env, DATABASE_URL: config.BACKUP_DATABASE_URL });
  }
}

// 6. The apps, each its own process group so a terminal's Ctrl-C reaches only this script,
//    which then stops each app once and in order (a second signal would cut Nest's graceful close).
const width = Math.max(...apps.map((app) => app.label.length)) + 2;
const children = new Map();
let stopping = false;
let exitCode = 0;

function prefixed(app, line) {
  const label = paint(app.color, `[${app.label}]`.padEnd(width));
  return `${label} ${rawJson ? line : formatLogLine(line, paint)}`;
}

for (const app of apps) {
  const child = spawn(process.execPath, [entryPoint(app)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.set(app.name, child);
  createInterface({ input: child.stdout }).on('line', (line) => console.log(prefixed(app, line)));
  createInterface({ input: child.stderr }).on('line', (line) => console.error(prefixed(app, line)));
  // 'close' (not 'exit') comes after the pipes are drained, so an app's last lines are printed.
  child.on('close', (code, signal) => {
    children.delete(app.name);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!stopping) {
      console.error(`${paint('red', '[start]')} ${app.name} exited on its own (${how}); stopping the others`);
      exitCode = 1;
      stopAll('SIGTERM');
    } else if (code !== 0 && signal !== 'SIGTERM') {
      say(`${app.name} exited with ${how}`);
      exitCode = 1;
    }
    if (children.size === 0) {
      say(exitCode === 0 ? 'all apps stopped' : 'stopped; an app failed (see above)');
      process.exit(exitCode);
    }
  });
}

// Whatever ends this script, no app outlives it.
process.on('exit', () => {
  for (const child of children.values()) child.kill('SIGKILL');
});

let firstSignalAt = 0;
function stopAll(signal) {
  stopping = true;
  for (const child of children.values()) child.kill(signal);
  const graceMs = config.SHUTDOWN_GRACE_MS + 5000;
  setTimeout(() => {
    for (const [name, child] of children) {
      console.error(`${paint('red', '[start]')} ${name} still running after ${graceMs} ms; killing it`);
      child.kill('SIGKILL');
    }
  }, graceMs).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // npm forwards the terminal's Ctrl-C as well: a repeat within a second is the same request.
    if (stopping && Date.now() - firstSignalAt < 1000) return;
    if (stopping) {
      say('second signal: killing the apps');
      for (const child of children.values()) child.kill('SIGKILL');
      return;
    }
    firstSignalAt = Date.now();
    say(`${signal}: stopping ${[...children.keys()].join(', ')} …`);
    stopAll('SIGTERM');
  });
}

// `npm start` runs this under `sh -c`, which dies on SIGTERM without passing it on: when the
// parent goes away, stop as if signalled, rather than leave the apps running.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !stopping) {
    say('parent process gone: stopping the apps');
    firstSignalAt = Date.now();
    stopAll('SIGTERM');
  }
}, 500).unref();

// 7. Once every app answers /readyz, say where to go.
const localUrl = (port) => `http://localhost:${port}`;
async function isReady(app) {
  try {
    const response = await fetch(`http://127.0.0.1:${config[app.portVar]}/readyz`, {
      signal: AbortSignal.timeout(2000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function announceWhenReady() {
  const startedAt = Date.now();
  let warned = false;
  for (;;) {
    if (stopping) return;
    const ready = await Promise.all(apps.map(isReady));
    if (ready.every(Boolean)) break;
    if (!warned && Date.now() - startedAt > 60_000) {
      warned = true;
      const waiting = apps.filter((_, i) => !ready[i]).map((app) => app.name);
      say(
        paint(
          'yellow',
          `still waiting for ${waiting.join(', ')} to be ready (GET /readyz); see their logs above`,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (stopping) return;
  const lines = [''];
  const gateway = apps.find((app) => app.name === 'api-gateway');
  if (gateway) {
    const base = localUrl(config.GATEWAY_PORT);
    lines.push(
      `${paint('green', 'KarmaBot is ready')} (${Date.now() - startedAt} ms)`,
      `  API        ${paint('bold', base)}`,
      `  API docs   ${base}/docs`,
    );
    lines.push(`  Try        curl ${base}/v1/admin/health`);
    if (secretSources.ADMIN_TOKEN === 'environment') {
      lines.push('  Admin token: the ADMIN_TOKEN you set');
    } else {
      lines.push(
        `  Admin token ${paint('bold', config.ADMIN_TOKEN)}  (kept in ${secretSources.ADMIN_TOKEN})`,
        `             curl -H "Authorization: Bearer $(cat .karmabot/admin-token)" ${base}/v1/admin/status`,
      );
    }
  } else {
    lines.push(`${paint('green', 'Ready')}: ${apps.map((app) => app.name).join(', ')}`);
  }
  const others = apps.filter((app) => app.name !== 'api-gateway');
  if (others.length) {
    lines.push(
      `  Probes     ${others.map((app) => `${app.label} ${localUrl(config[app.portVar])}`).join(', ')}`,
    );
    lines.push('             (/healthz, /readyz, /metrics on each)');
  }
  lines.push('  Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));
}

void announceWhenReady();
