import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { toSnakeCase } from './case-mapping';

/** Every JSON response body leaves in snake_case; controllers return camelCase views. */
@Injectable()
export class SnakeCaseInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((body) => (typeof body === 'string' ? body : toSnakeCase(body))));
  }
}
