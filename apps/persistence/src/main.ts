import { startApp } from '@karmabot/common';
import { PersistenceModule } from './persistence.module';

void startApp({
  name: 'persistence',
  module: PersistenceModule,
  port: (config) => config.PERSISTENCE_HTTP_PORT,
  serveRpc: true,
});
