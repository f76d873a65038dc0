import { startApp } from '@karmabot/common';
import { PlatformAdaptersModule } from './platform-adapters.module';

void startApp({
  name: 'platform-adapters',
  module: PlatformAdaptersModule,
  port: (config) => config.ADAPTERS_HTTP_PORT,
  serveRpc: true,
});
