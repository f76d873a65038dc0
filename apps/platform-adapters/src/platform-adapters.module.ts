import { Module } from '@nestjs/common';
import { CommonModule, HealthModule } from '@karmabot/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CustomersModule } from './customers/customers.module';
import { LoyaltyModule } from './loyalty/loyalty.module';
import { OpsModule } from './ops/ops.module';
import { OrdersModule } from './orders/orders.module';
import { telegramBotReadinessChecks } from './telegram-bot/status/telegram-bot-readiness-checks';
import { TelegramBotModule } from './telegram-bot/telegram-bot.module';

@Module({
  imports: [
    CommonModule,
    HealthModule.forApp(telegramBotReadinessChecks()),
    CustomersModule,
    OrdersModule,
    LoyaltyModule,
    OpsModule,
    ApiKeysModule,
    TelegramBotModule.forRoot(),
  ],
})
export class PlatformAdaptersModule {}
