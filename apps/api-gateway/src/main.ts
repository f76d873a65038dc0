import { startApp } from '@karmabot/common';
import { ApiGatewayModule } from './api-gateway.module';
import { setupSwagger } from './docs/setup-swagger';
import { acceptOnlyJsonBodies } from './http/accept-only-json-bodies';

void startApp({
  name: 'api-gateway',
  module: ApiGatewayModule,
  port: (config) => config.GATEWAY_PORT,
  host: (config) => config.GATEWAY_HOST,
  serveRpc: false,
  configure: (app) => {
    acceptOnlyJsonBodies(app);
    setupSwagger(app);
  },
});
