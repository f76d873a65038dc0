import { Module } from '@nestjs/common';
import { UniversalController } from './universal.controller';

@Module({ controllers: [UniversalController] })
export class UniversalModule {}
