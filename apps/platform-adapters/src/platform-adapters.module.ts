import { Module } from '@nestjs/common';
import { CommonModule, HealthModule } from '@karmabot/common';

@Module({
  imports: [CommonModule, HealthModule.forApp()],
})
export class PlatformAdaptersModule {}
