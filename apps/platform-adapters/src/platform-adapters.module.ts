import { Module } from '@nestjs/common';
import { CommonModule, HealthModule } from '@karmabot/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CustomersModule } from './customers/customers.module';
import { LoyaltyModule } from './loyalty/loyalty.module';
import { OpsModule } from './ops/ops.module';
import { OrdersModule } from './orders/orders.module';
import { TelegramBotModule } from './telegram-bot/telegram-bot.module';

@Module({
  imports: [
    CommonModule,
    HealthModule.forApp(),
    CustomersModule,
    OrdersModule,
    LoyaltyModule,
    OpsModule,
    ApiKeysModule,
    TelegramBotModule.forRoot(),
  ],
})
export class PlatformAdaptersModule {}
