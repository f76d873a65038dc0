import type Redis from 'ioredis';
import { StoreMode } from '@karmabot/contracts';
import { BreakerStates } from './mode-change';

/** The leader's decision as every persistence process reads it. */
export interface PublishedModeState extends BreakerStates {
  mode: StoreMode;
  /** Writes are held for a switch: followers hold theirs too. */
  paused: boolean;
  /** The fencing token of the leader that published it. */
  token: number;
  leader: string;
  at: string;
}

/** Stores the state and publishes it, unless a leader with a larger token already did. */
const PUBLISH = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and tonumber(decoded.token) > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', KEYS[2], ARGV[1])
return 1`;

export interface ModeStateKeys {
  /** The last published state (no TTL: a restarted suite resumes from it). */
  state: string;
  /** The channel followers listen on. */
  channel: string;
}

/**
 * Where the leader's decision lives in Redis: the last state under one key (fenced by token)
 * and each new state on a channel.
 */
export class ModeStateChannel {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ModeStateKeys,
  ) {}

  /** Resolves whether it was published (false: a newer leader's state is already there). */
  async publish(state: PublishedModeState): Promise<boolean> {
    const published = await this.redis.eval(
      PUBLISH,
      2,
      this.keys.state,
      this.keys.channel,
      JSON.stringify(state),
      state.token,
    );
    return published === 1;
  }

  async read(): Promise<PublishedModeState | null> {
    const raw = await this.redis.get(this.keys.state);
    return raw ? parse(raw) : null;
  }

  /** Calls `listener` with every state published from now on (on a connection of its own). */
  async subscribe(subscriber: Redis, listener: (state: PublishedModeState) => void): Promise<void> {
    subscriber.on('message', (channel, message) => {
      if (channel !== this.keys.channel) return;
      const state = parse(message);
      if (state) listener(state);
    });
    await subscriber.subscribe(this.keys.channel);
  }
}

function parse(raw: string): PublishedModeState | null {
  try {
    const state = JSON.parse(raw) as PublishedModeState;
    return typeof state?.mode === 'string' && typeof state.token === 'number' ? state : null;
  } catch {
    return null;
  }
}
