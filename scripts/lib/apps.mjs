import { resolve } from 'node:path';
import { DIST } from './paths.mjs';

/** The four processes `npm start` runs, with the short label of their log lines and their port setting. */
export const APPS = [
  { name: 'api-gateway', label: 'gateway', portVar: 'GATEWAY_PORT', color: 'cyan' },
  { name: 'platform-adapters', label: 'adapters', portVar: 'ADAPTERS_HTTP_PORT', color: 'magenta' },
  { name: 'persistence', label: 'persistence', portVar: 'PERSISTENCE_HTTP_PORT', color: 'yellow' },
  { name: 'monitor', label: 'monitor', portVar: 'MONITOR_HTTP_PORT', color: 'blue' },
];

export function entryPoint(app) {
  return resolve(DIST, 'apps', app.name, 'src', 'main.js');
}
