import { Module } from '@nestjs/common';
import { TelegramUsersController } from './telegram-users.controller';

@Module({ controllers: [TelegramUsersController] })
export class TelegramModule {}
