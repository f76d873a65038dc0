/**
 * The log the failover classes write to: structured events (`msg` plus fields). The persistence
 * app passes Nest's logger; the library itself stays free of the framework.
 */
export interface FailoverLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const SILENT_LOG: FailoverLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
