import { UseFilters } from '@nestjs/common';
import { AppErrorFilter } from '@karmabot/common';

/**
 * Binds the AppError filter to an RPC handler class, so a thrown AppError crosses to the caller
 * with its code and status. A hybrid app does not apply APP_FILTER filters to its microservice
 * unless connected with `inheritAppConfig: true`; without this Nest answers "Internal server
 * error" and CUSTOMER_NOT_FOUND would reach the client as a 503.
 */
export const RpcErrors = (): ClassDecorator & MethodDecorator => UseFilters(AppErrorFilter);
