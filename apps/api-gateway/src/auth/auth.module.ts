import { Global, Module } from '@nestjs/common';
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
    ApiKeyVerifier,
    ApiKeyRevocations,
    { provide: ApiKeyCache, useFactory: () => new ApiKeyCache() },
  ],
  exports: [AuthGuard, ApiKeyVerifier, ApiKeyRevocations, ApiKeyCache],
})
export class AuthModule {}
