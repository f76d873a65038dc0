import { timingSafeEqual, createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyRecord, ApiKeyScope, AppError, Caller } from '@karmabot/contracts';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { rateLimitHeaders } from '../rate-limit/rate-limit-headers';
import { ApiKeyVerifier } from './api-key-verifier';
import { AUTH_REQUIREMENT, AuthRequirement } from './auth.decorator';

/**
 * Establishes `request.caller` from `Authorization: Bearer <ADMIN_TOKEN>` (compared in
 * constant time) or `X-API-Key` (verified, rate limited, then scoped — in that order, so every
 * answer to a verified key, a 403 included, carries its rate-limit headers and counts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly adminTokenDigest: Buffer | null;
  private readonly defaultRateLimitPerMinute: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyVerifier,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adminTokenDigest = config.ADMIN_TOKEN ? digest(config.ADMIN_TOKEN) : null;
    this.defaultRateLimitPerMinute = config.RATE_LIMIT_PER_MINUTE;
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
    const apiKey = request.headers['x-api-key'];
    if (apiKey === undefined)
      throw new AppError('UNAUTHENTICATED', 'Send X-API-Key or an admin bearer token');
    if (typeof apiKey !== 'string')
      throw new AppError('UNAUTHENTICATED', 'Send exactly one X-API-Key header');
    const key = await this.apiKeys.verify(apiKey);
    request.caller = { kind: 'api_key', id: key.id, scopes: key.scopes };
    await this.applyRateLimit(key, ctx.switchToHttp().getResponse<FastifyReply>());
    assertScope(
      key.scopes,
      allowed.filter((a): a is ApiKeyScope => a !== 'admin'),
    );
    return true;
  }

  private async applyRateLimit(key: ApiKeyRecord, reply: FastifyReply) {
    const limit = key.rateLimitPerMinute ?? this.defaultRateLimitPerMinute;
    const decision = await this.rateLimiter.consume(key.id, limit);
    if (!decision) return; // Redis unavailable: failing open (see RateLimiter.consume)
    const headers = rateLimitHeaders(decision);
    reply.headers(headers);
    if (!decision.isAllowed) {
      throw new AppError(
        'RATE_LIMITED',
        `This API key may make ${limit} requests per minute; retry in ${decision.retryAfterSeconds} s`,
        [],
        headers,
      );
    }
  }

  private isAdminToken(token: string): boolean {
    // Comparing digests keeps the comparison constant-time whatever the token's length.
    return this.adminTokenDigest !== null && timingSafeEqual(digest(token), this.adminTokenDigest);
  }
}

/** Any one of the route's scopes suffices; a route that names none takes any valid key. */
function assertScope(held: ApiKeyScope[], needed: ApiKeyScope[]) {
  if (needed.length === 0 || needed.some((scope) => held.includes(scope))) return;
  throw new AppError(
    'FORBIDDEN',
    `This API key lacks the scope this route needs: one of ${needed.join(', ')} (the key has ${held.join(', ')})`,
  );
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
