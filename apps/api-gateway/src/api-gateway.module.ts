import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommonModule, HealthModule } from '@karmabot/common';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { SnakeCaseInterceptor } from './http/snake-case.interceptor';
import { OpsModule } from './ops/ops.module';
import { OrdersModule } from './orders/orders.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TelegramModule } from './telegram/telegram.module';
import { TelegramWebhookModule } from './telegram-webhook/telegram-webhook.module';
import { UniversalModule } from './universal/universal.module';
import { WebsiteModule } from './website/website.module';

@Module({
  imports: [
    CommonModule,
    HealthModule.forApp(),
    AuthModule,
    RateLimitModule,
    ApiKeysModule,
    AdminModule,
    TelegramModule,
    WebsiteModule,
    UniversalModule,
    OrdersModule,
    OpsModule,
    TelegramWebhookModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: SnakeCaseInterceptor }],
})
export class ApiGatewayModule {}
