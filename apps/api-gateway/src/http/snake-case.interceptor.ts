import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { toSnakeCase } from './case-mapping';
import { takeDataSource } from './take-data-source';

/**
 * Every JSON response body leaves in snake_case; controllers return camelCase views. Where a
 * read came from (persistence's `source` marks) leaves as `X-Data-Source`, not in the body.
 */
@Injectable()
export class SnakeCaseInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        if (typeof body === 'string') return body;
        const source = takeDataSource(body);
        if (source) ctx.switchToHttp().getResponse<FastifyReply>().header('x-data-source', source);
        return toSnakeCase(body);
      }),
    );
  }
}
