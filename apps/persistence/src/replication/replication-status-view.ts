import { ReplicationPosition } from '@karmabot/persistence';

/** One replication direction on `store.status`. */
export interface DirectionStatusView {
  /** Both stores answered the last pass. */
  flowing: boolean;
  lagOps: number | null;
  lagSeconds: number | null;
  lagMeasuredAt: string | null;
  /** The last op copied. */
  position: ReplicationPosition | null;
  copiedSinceStart: number;
  lastError: string | null;
}

/** Replication as `store.status` shows it (the dashboard's "replication lag each way"). */
export interface ReplicationStatusView {
  enabled: boolean;
  writeConcern: 'primary' | 'both';
  toBackup: DirectionStatusView;
  toPrimary: DirectionStatusView;
}
