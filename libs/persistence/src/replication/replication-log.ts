/** Where the replicator writes its log lines (Nest's Logger fits); one JSON object per line. */
export interface ReplicationLog {
  log(line: Record<string, unknown>): void;
  warn(line: Record<string, unknown>): void;
  error(line: Record<string, unknown>): void;
}

export const SILENT_LOG: ReplicationLog = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
