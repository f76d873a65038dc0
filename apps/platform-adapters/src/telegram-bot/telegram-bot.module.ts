import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TelegrafModule } from 'nestjs-telegraf';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { CustomersModule } from '../customers/customers.module';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { BotCatalogue } from './catalogue/bot-catalogue';
import { BotCustomers } from './customer/bot-customers';
import { BotUseCases } from './use-cases/bot-use-cases';
import { BotErrorFilter } from './errors/bot-error.filter';
import { FriendlyErrorReply } from './errors/friendly-error-reply';
import { BotLauncher } from './launch/bot-launcher';
import { PollingLock } from './launch/polling-lock';
import { PollingLoop } from './launch/polling-loop';
import { UpdateOffsets } from './launch/update-offsets';
import { BotMiddlewares } from './middleware/bot-middlewares';
import { OrderDraftStore } from './order/order-draft-store';
import { OrderFlow } from './order/order-flow';
import { OrderPlacement } from './order/order-placement';
import { OrderUpdate } from './order/order.update';
import { QueuedOrderWatcher } from './order/queued-order-watcher';
import { BullConnections } from './push/bull-connections';
import { ChatGate } from './push/chat-gate';
import { OrderChangeObserver } from './push/order-change-observer.interceptor';
import { TelegramPushQueue } from './push/telegram-push-queue';
import { TelegramPushWorker } from './push/telegram-push-worker';
import { HelpReply } from './replies/help-reply';
import { LanguageReply } from './replies/language-reply';
import { LinkReply } from './replies/link-reply';
import { LinkWithCodeReply } from './replies/link-with-code-reply';
import { LoyaltyReply } from './replies/loyalty-reply';
import { MenuReply } from './replies/menu-reply';
import { OrdersReply } from './replies/orders-reply';
import { ProfileReply } from './replies/profile-reply';
import { TelegramBotStatusModule } from './status/telegram-bot-status.module';
import { isTelegramBotEnabled } from './telegram-bot-enabled';
import { TelegramBotSupportModule } from './telegram-bot-support.module';
import { FallbackUpdate } from './updates/fallback.update';
import { HelpUpdate } from './updates/help.update';
import { LanguageUpdate } from './updates/language.update';
import { LinkUpdate } from './updates/link.update';
import { LoyaltyUpdate } from './updates/loyalty.update';
import { MenuUpdate } from './updates/menu.update';
import { OrdersUpdate } from './updates/orders.update';
import { ProfileUpdate } from './updates/profile.update';
import { StartUpdate } from './updates/start.update';
import { TelegramUpdateHandler } from './webhook/telegram-update.handler';

/** A handler that runs past this is cut off (and answered as failed) so one update cannot wedge a chat. */
const HANDLER_TIMEOUT_MS = 60_000;

/**
 * The Telegram bot (issue 5), inside platform-adapters so it calls the very use cases the HTTP
 * API calls. Without TELEGRAM_BOT_TOKEN only its status (`disabled`) exists.
 */
@Module({})
export class TelegramBotModule {
  static forRoot(): DynamicModule {
    if (!isTelegramBotEnabled()) return { module: TelegramBotModule, imports: [TelegramBotStatusModule] };
    return {
      module: TelegramBotModule,
      imports: [
        TelegramBotStatusModule,
        TelegramBotSupportModule,
        PersistenceClientModule,
        CustomersModule,
        TelegrafModule.forRootAsync({
          imports: [TelegramBotSupportModule],
          inject: [APP_CONFIG, BotMiddlewares],
          useFactory: (config: AppConfig, middlewares: BotMiddlewares) => ({
            token: config.TELEGRAM_BOT_TOKEN,
            launchOptions: false, // BotLauncher launches it: polling under a lock, or the webhook
            options: { telegram: { apiRoot: config.TELEGRAM_API_ROOT }, handlerTimeout: HANDLER_TIMEOUT_MS },
            middlewares: middlewares.all(),
            include: [TelegramBotModule],
          }),
        }),
      ],
      controllers: [TelegramUpdateHandler],
      providers: [
        BotCatalogue,
        BotUseCases,
        BotCustomers,
        FriendlyErrorReply,
        BotErrorFilter,
        MenuReply,
        HelpReply,
        OrdersReply,
        LoyaltyReply,
        ProfileReply,
        LinkReply,
        LinkWithCodeReply,
        LanguageReply,
        OrderDraftStore,
        OrderPlacement,
        OrderFlow,
        BullConnections,
        TelegramPushQueue,
        TelegramPushWorker,
        ChatGate,
        QueuedOrderWatcher,
        UpdateOffsets,
        PollingLock,
        PollingLoop,
        BotLauncher,
        { provide: APP_INTERCEPTOR, useClass: OrderChangeObserver },
        // Telegraf tries handlers in the order they are listed here: the catch-all goes last.
        StartUpdate,
        HelpUpdate,
        MenuUpdate,
        OrderUpdate,
        OrdersUpdate,
        LoyaltyUpdate,
        ProfileUpdate,
        LinkUpdate,
        LanguageUpdate,
        FallbackUpdate,
      ],
    };
  }
}
