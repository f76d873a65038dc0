/**
 * Fixed and public on purpose: it only ever stands in where NODE_ENV says nothing real is
 * protected, and every app must pick the same one, or a hash made by one app (an API key by the
 * gateway, a link code by platform-adapters) would not match when another checks it.
 */
const DEVELOPMENT_PEPPER = 'karmabot-development-pepper-not-a-secret';

export interface ResolvedPepper {
  pepper: string;
  /** True when the development stand-in is used: the app should log a warning. */
  isDevelopmentFallback: boolean;
}

/**
 * The pepper every app hashes API keys and link codes with. Empty is refused outside
 * development and test: hashes made with a known pepper could be brute-forced from a leaked
 * table, so a production app must not start without a real one.
 */
export function resolvePepper(configured: string, nodeEnv: string): ResolvedPepper {
  if (configured !== '') return { pepper: configured, isDevelopmentFallback: false };
  if (nodeEnv === 'development' || nodeEnv === 'test') {
    return { pepper: DEVELOPMENT_PEPPER, isDevelopmentFallback: true };
  }
  throw new Error(
    `API_KEY_PEPPER is empty and NODE_ENV=${nodeEnv}: set API_KEY_PEPPER to a long random secret ` +
      '(e.g. `openssl rand -base64 32`); only development and test fall back to a fixed pepper',
  );
}
