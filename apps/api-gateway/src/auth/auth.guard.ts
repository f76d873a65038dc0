import { timingSafeEqual, createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError, Caller } from '@karmabot/contracts';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { AUTH_REQUIREMENT, AuthRequirement } from './auth.decorator';

/**
 * Establishes `request.caller` from `Authorization: Bearer <ADMIN_TOKEN>` (compared in
 * constant time) or `X-API-Key` (verified, scoped and rate limited).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly adminTokenDigest: Buffer | null;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adminTokenDigest = config.ADMIN_TOKEN ? digest(config.ADMIN_TOKEN) : null;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.get<AuthRequirement[]>(AUTH_REQUIREMENT, ctx.getHandler()) ??
      this.reflector.get<AuthRequirement[]>(AUTH_REQUIREMENT, ctx.getClass()) ?? ['admin'];
    const request = ctx.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const bearer = bearerToken(request);
    if (bearer !== null) {
      if (!this.isAdminToken(bearer)) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid');
      request.caller = { kind: 'admin', id: 'admin' };
      return true;
    }
    if (allowed.length === 1 && allowed[0] === 'admin') {
      throw new AppError('UNAUTHENTICATED', 'This route needs Authorization: Bearer <admin token>');
    }
    // API keys: see the api-keys feature (verification, scopes, rate limit).
    throw new AppError('UNAUTHENTICATED', 'Send X-API-Key or an admin bearer token');
  }

  private isAdminToken(token: string): boolean {
    // Comparing digests keeps the comparison constant-time whatever the token's length.
    return this.adminTokenDigest !== null && timingSafeEqual(digest(token), this.adminTokenDigest);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
  return match[1];
}
