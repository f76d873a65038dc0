import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from './config/config.module';
import { Pepper } from './config/pepper';
import { AppErrorFilter } from './errors/app-error.filter';
import { RedisService } from './redis/redis.service';
import { RpcClient } from './rpc/rpc-client';

/** What every app needs: validated config, the pepper, Redis, the RPC client and the one error filter. */
@Global()
@Module({
  imports: [ConfigModule],
  providers: [RedisService, RpcClient, Pepper, { provide: APP_FILTER, useClass: AppErrorFilter }],
  exports: [ConfigModule, RedisService, RpcClient, Pepper],
})
export class CommonModule {}
