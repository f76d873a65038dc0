import { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * One JSON object per line on stdout, with the app name and the correlation id of the
 * request being served. Used as Nest's logger, so framework messages come out the same way.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly app: string,
    level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = LEVELS[level];
  }

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }

  /** A structured event: `logger.event('info', 'http.request', { status, ms })`. */
  event(level: LogLevel, msg: string, fields: Record<string, unknown>) {
    if (LEVELS[level] < this.threshold) return;
    this.write(JSON.stringify({ ...this.base(level), msg, ...fields }));
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]) {
    if (LEVELS[level] < this.threshold) return;
    // Nest passes the context (class name) last, and a stack before it for errors.
    const context =
      rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const line: Record<string, unknown> = { ...this.base(level), context };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (typeof rest[0] === 'string' && level === 'error') line.stack = rest[0];
    this.write(JSON.stringify(line));
  }

  private base(level: LogLevel) {
    return { time: new Date().toISOString(), level, app: this.app, correlation_id: currentCorrelationId() };
  }
}
