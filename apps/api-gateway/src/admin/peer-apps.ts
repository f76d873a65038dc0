import { AppConfig } from '@karmabot/common';

export interface PeerApp {
  name: 'platform-adapters' | 'persistence' | 'monitor';
  baseUrl: string;
}

/** Where the gateway finds the other apps' health ports: the *_URL settings, else loopback. */
export function peerApps(config: AppConfig): PeerApp[] {
  const local = (port: number) => `http://127.0.0.1:${port}`;
  return [
    { name: 'platform-adapters', baseUrl: config.ADAPTERS_URL || local(config.ADAPTERS_HTTP_PORT) },
    { name: 'persistence', baseUrl: config.PERSISTENCE_URL || local(config.PERSISTENCE_HTTP_PORT) },
    { name: 'monitor', baseUrl: config.MONITOR_URL || local(config.MONITOR_HTTP_PORT) },
  ];
}
