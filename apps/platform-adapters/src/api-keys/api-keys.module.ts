import { Module } from '@nestjs/common';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { CreateApiKeyHandler } from './create-api-key/create-api-key.handler';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';

/**
 * API-key use cases. The key itself never comes here: the gateway generated it and sends only
 * its HMAC, so this app hashes nothing for keys.
 */
@Module({
  imports: [PersistenceClientModule],
  controllers: [CreateApiKeyHandler, RevokeApiKeyHandler],
})
export class ApiKeysModule {}
