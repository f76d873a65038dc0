import { Logger } from '@nestjs/common';
import { FailoverLog } from '@karmabot/persistence/failover/failover-log';

/** The failover library's log, written through Nest's logger (JSON lines) under `context`. */
export function nestFailoverLog(context: string): FailoverLog {
  const logger = new Logger(context);
  return {
    info: (msg, fields) => logger.log({ msg, ...fields }),
    warn: (msg, fields) => logger.warn({ msg, ...fields }),
    error: (msg, fields) => logger.error({ msg, ...fields }),
  };
}
