import { UseFilters } from '@nestjs/common';
import { AppErrorFilter } from '@karmabot/common';

/**
 * Binds the AppError filter to an RPC handler class. A hybrid app (HTTP + microservice) does not
 * apply APP_FILTER-registered filters to its microservice unless it is connected with
 * `inheritAppConfig: true`; without a filter, Nest answers every thrown AppError as "Internal
 * server error" and the caller loses the code (CUSTOMER_NOT_FOUND becomes a 503).
 */
export const RpcErrors = (): ClassDecorator & MethodDecorator => UseFilters(AppErrorFilter);
