import { startApp } from '@karmabot/common';
import { MonitorModule } from './monitor.module';

void startApp({
  name: 'monitor',
  module: MonitorModule,
  port: (config) => config.MONITOR_HTTP_PORT,
  serveRpc: true,
});
