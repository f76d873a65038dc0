import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Caller } from '@karmabot/contracts';

/** The principal the AuthGuard established for this request. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<{ caller?: Caller }>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without @Auth()');
  return caller;
});
