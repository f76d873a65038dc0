import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';

/** Admin routes for API keys; verification lives in AuthModule, which every route needs. */
@Module({
  controllers: [ApiKeysController],
})
export class ApiKeysModule {}
