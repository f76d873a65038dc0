/** The four processes of the suite, in the order they are started and listed. */
export const APP_NAMES = ['api-gateway', 'platform-adapters', 'persistence', 'monitor'] as const;
export type AppName = (typeof APP_NAMES)[number];

/** The setting that holds each app's HTTP port (the gateway's public one, the others' health/metrics one). */
export const PORT_VARIABLE: Record<AppName, string> = {
  'api-gateway': 'GATEWAY_PORT',
  'platform-adapters': 'ADAPTERS_HTTP_PORT',
  persistence: 'PERSISTENCE_HTTP_PORT',
  monitor: 'MONITOR_HTTP_PORT',
};
