import type { Telegraf } from 'telegraf';

type CallApiOptions = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>;

/**
 * `callApi` options that abandon the request when `signal` aborts. Telegraf types the signal as
 * its abort-controller polyfill's; node-fetch, underneath, takes the native one as it is.
 */
export function abortable(signal: AbortSignal): CallApiOptions {
  return { signal: signal as unknown as CallApiOptions['signal'] };
}
