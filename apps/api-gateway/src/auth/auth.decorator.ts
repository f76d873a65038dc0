import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiKeyScope } from '@karmabot/contracts';
import { AuthGuard } from './auth.guard';

export const AUTH_REQUIREMENT = 'karmabot:auth';

/** Who may call a route: `'admin'` (admin token only) or API-key scopes (any one suffices; the admin token always passes). */
export type AuthRequirement = 'admin' | ApiKeyScope;

export function Auth(...allowed: AuthRequirement[]) {
  const adminOnly = allowed.length === 1 && allowed[0] === 'admin';
  return applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, allowed),
    UseGuards(AuthGuard),
    adminOnly ? ApiBearerAuth('admin') : applyDecorators(ApiSecurity('api_key'), ApiBearerAuth('admin')),
  );
}
