import { BreakerState, StoreMode } from '@karmabot/contracts';

/** The breaker states that make a mode, as a leader publishes them and a follower adopts them. */
export interface BreakerStates {
  primary: BreakerState;
  backup: BreakerState;
}

/** One decided change of mode: what the app logs, publishes and records in `mode_events`. */
export interface ModeChange extends BreakerStates {
  from: StoreMode | null;
  to: StoreMode;
  reason: string;
  at: string;
}
