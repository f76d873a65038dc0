import { Module } from '@nestjs/common';
import { WebsiteUsersController } from './website-users.controller';

@Module({ controllers: [WebsiteUsersController] })
export class WebsiteModule {}
