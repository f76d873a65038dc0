import { startApp } from '@karmabot/common';
import { ApiGatewayModule } from './api-gateway.module';

void startApp({
  name: 'api-gateway',
  module: ApiGatewayModule,
  port: (config) => config.GATEWAY_PORT,
  host: (config) => config.GATEWAY_HOST,
  serveRpc: false,
});
