import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { AppProcess } from './app-process';
import { freePort } from './free-port';
import type { Suite } from './suite';

/**
 * A second platform-adapters process of a running suite (same settings, its own health port):
 * another replica of the bot, competing for the poller lock. Stop it before the suite.
 */
export async function startAdaptersReplica(suite: Suite): Promise<AppProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(CONFIG_SCHEMA)) delete env[name];
  Object.assign(env, suite.env, { ADAPTERS_HTTP_PORT: String(port) });
  const replica = new AppProcess('platform-adapters', port, env);
  replica.start();
  await replica.waitReady();
  return replica;
}
