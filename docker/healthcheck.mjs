#!/usr/bin/env node
// Container health probe for the KarmaBot image.
//
//   node docker/healthcheck.mjs [app] [path]
//
// app:  api-gateway | platform-adapters | persistence | monitor. Without it, the app is read from
//       PID 1's command line (the container's command), and the all-in-one launcher counts as the
//       gateway. path: /healthz (default, liveness) or /readyz (readiness, what compose waits on).
// The port is found as the app finds it: its variable from the environment, else the default in
// the config schema, so the probe and the app cannot disagree. Exit 0 on HTTP 200, 1 otherwise.
/* global fetch, AbortSignal */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { CONFIG_SCHEMA } = require('../dist/libs/common/src/config/config-schema.js');

const PORT_VARIABLE = {
  'api-gateway': 'GATEWAY_PORT',
  'platform-adapters': 'ADAPTERS_HTTP_PORT',
  persistence: 'PERSISTENCE_HTTP_PORT',
  monitor: 'MONITOR_HTTP_PORT',
};

function appOfPid1() {
  let cmdline = '';
  try {
    cmdline = readFileSync('/proc/1/cmdline', 'utf8').split('\0').join(' ');
  } catch {
    return 'api-gateway';
  }
  const match = /dist\/apps\/([a-z-]+)\/src\/main\.js/.exec(cmdline);
  return match && match[1] in PORT_VARIABLE ? match[1] : 'api-gateway';
}

const [appArg, pathArg] = process.argv.slice(2);
const app = appArg ?? appOfPid1();
const path = pathArg ?? '/healthz';
if (!(app in PORT_VARIABLE)) {
  console.error(`healthcheck: unknown app ${app}; choose from ${Object.keys(PORT_VARIABLE).join(', ')}`);
  process.exit(1);
}
if (path !== '/healthz' && path !== '/readyz') {
  console.error(`healthcheck: path must be /healthz or /readyz, got ${path}`);
  process.exit(1);
}

const portVariable = PORT_VARIABLE[app];
const port = process.env[portVariable] || CONFIG_SCHEMA[portVariable].default;
const boundHost = app === 'api-gateway' ? process.env.GATEWAY_HOST : undefined;
const host = boundHost && !['0.0.0.0', '::', ''].includes(boundHost) ? boundHost : '127.0.0.1';
const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  await response.arrayBuffer();
  if (response.status !== 200) {
    console.error(`healthcheck: ${url} answered ${response.status}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`healthcheck: ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
