import { Global, Module } from '@nestjs/common';
import { ApiKeyPepper } from '../api-keys/api-key-pepper';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeyRevocations } from './api-key-revocations';
import { ApiKeyVerifier } from './api-key-verifier';
import { AuthGuard } from './auth.guard';

/**
 * Global because `@Auth()` puts the AuthGuard on controllers in every route module, and Nest
 * builds a guard from the providers visible to the module that uses it.
 */
@Global()
@Module({
  providers: [
    AuthGuard,
    ApiKeyPepper,
    ApiKeyVerifier,
    ApiKeyRevocations,
    { provide: ApiKeyCache, useFactory: () => new ApiKeyCache() },
  ],
  exports: [AuthGuard, ApiKeyPepper, ApiKeyVerifier, ApiKeyRevocations, ApiKeyCache],
})
export class AuthModule {}
