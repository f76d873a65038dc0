import { StoreMode, STORE_NAMES, StoreName } from '@karmabot/contracts';
import { CatchUp } from './catch-up';
import { BreakerSnapshot, CircuitBreaker } from './circuit-breaker';
import { DeferredBacklog } from './deferred-backlog';
import { FailoverLog, SILENT_LOG } from './failover-log';
import { BreakerStates, ModeChange } from './mode-change';
import { modeFor } from './mode-for';
import { StoreProbe } from './store-probe';
import { WriteGate } from './write-gate';
import { WriteTarget, writeTargetOf } from './write-target';

export interface ModeMachineOptions {
  probes: Record<StoreName, StoreProbe>;
  probeIntervalMs: number;
  /** Healthy probes in a row before a store may close (DESIGN: 3). */
  healthyProbesToClose?: number;
  /** The replicator, looked up when needed (null while replication is not wired). */
  catchUp: () => CatchUp | null;
  backlog: DeferredBacklog;
  gate: WriteGate;
  /** How long writes may be held while the last ops drain before a switch (then it is retried). */
  switchPauseMs?: number;
  /** Deferred ops left below which the switch pauses writes to drain the rest. */
  drainThreshold?: number;
  log?: FailoverLog;
  now?: () => Date;
}

export interface ModeMachineSnapshot {
  mode: StoreMode;
  isLeader: boolean;
  isSwitching: boolean;
  breakers: Record<StoreName, BreakerSnapshot>;
}

type Listener<T> = (value: T) => void;

const other = (store: StoreName): StoreName => (store === 'primary' ? 'backup' : 'primary');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The store mode, from two circuit breakers (DESIGN, "Writes: operations"; issue 4, Precisions):
 * - every store call that fails with STORE_UNAVAILABLE asks for a confirming probe on a fresh
 *   connection; only a failed probe opens the breaker, so a statement timeout or a full pool
 *   does not (`confirmFailure`);
 * - a probe every `probeIntervalMs` feeds both breakers; a failure opens at once;
 * - a breaker closes only after 3 healthy probes in a row AND an empty backlog: the store is
 *   first caught up while writes still go elsewhere, then writes are held (≈100 ms) while the
 *   rest drains, then the mode switches (`closeProtocol`).
 * With several persistence processes only the lease holder decides (`lead`); the others adopt
 * what it publishes (`adopt`) and keep probing only to report latency.
 */
export class ModeMachine {
  private readonly breakers: Record<StoreName, CircuitBreaker>;
  private current: StoreMode = 'FULL_OPERATIONAL';
  private leader = false;
  private started = false;
  /** Whether the first mode was decided (it is logged, but is not a change to record). */
  private announced = false;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private switching: Promise<void> | null = null;
  private readonly confirming: Partial<Record<StoreName, Promise<void>>> = {};
  private readonly changeListeners: Listener<ModeChange>[] = [];
  private readonly stateListeners: Listener<BreakerStates & { mode: StoreMode; paused: boolean }>[] = [];
  private readonly modeWaiters = new Set<() => void>();
  private readonly log: FailoverLog;
  private readonly now: () => Date;
  private readonly healthyProbesToClose: number;

  constructor(private readonly options: ModeMachineOptions) {
    this.log = options.log ?? SILENT_LOG;
    this.now = options.now ?? (() => new Date());
    this.healthyProbesToClose = options.healthyProbesToClose ?? 3;
    this.breakers = {
      primary: new CircuitBreaker('closed', this.healthyProbesToClose, this.now),
      backup: new CircuitBreaker('closed', this.healthyProbesToClose, this.now),
    };
  }

  get mode(): StoreMode {
    return this.current;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** Where a write goes now. */
  writeTarget(): WriteTarget {
    return writeTargetOf(this.current);
  }

  /** Stores a read may try, in order: up ones first (primary → backup); recovering ones are stale. */
  readOrder(): StoreName[] {
    return STORE_NAMES.filter((store) => this.breakers[store].isClosed);
  }

  isUp(store: StoreName): boolean {
    return this.breakers[store].isClosed;
  }

  states(): BreakerStates {
    return { primary: this.breakers.primary.state, backup: this.breakers.backup.state };
  }

  snapshot(): ModeMachineSnapshot {
    return {
      mode: this.current,
      isLeader: this.leader,
      isSwitching: this.switching !== null,
      breakers: { primary: this.breakers.primary.snapshot(), backup: this.breakers.backup.snapshot() },
    };
  }

  onChange(listener: Listener<ModeChange>): void {
    this.changeListeners.push(listener);
  }

  /** Every change of a breaker or of the write pause, for the leader to publish to followers. */
  onState(listener: Listener<BreakerStates & { mode: StoreMode; paused: boolean }>): void {
    this.stateListeners.push(listener);
  }

  /**
   * Starts probing. `initial` is the state a previous leader left (so a store that was behind is
   * caught up before it takes writes again); without it each store starts from one probe.
   */
  async start(initial?: BreakerStates): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (initial) {
      for (const store of STORE_NAMES) {
        if (initial[store] !== 'closed') this.breakers[store].forceOpen('was down before this start');
      }
      this.recompute('restored the last published state', null);
    } else {
      const results = await Promise.all(STORE_NAMES.map((store) => this.probe(store)));
      STORE_NAMES.forEach((store, i) => {
        const result = results[i];
        this.breakers[store].observe(result);
        if ('error' in result) this.breakers[store].forceOpen(result.error);
      });
      this.recompute('first probe at start', null);
    }
    this.timer = setInterval(() => this.tick(), this.options.probeIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.started = false;
    this.leader = false;
    await this.ticking;
    this.options.gate.resume();
  }

  /** This process holds the lease: it decides from now on, from the states it has. */
  lead(): void {
    if (this.leader) return;
    this.leader = true;
    // A catch-up the previous leader was running died with it: start that store's protocol over.
    for (const store of STORE_NAMES) this.breakers[store].abortRecovering();
    this.log.info('mode.leader', { mode: this.current });
    this.publishState();
  }

  /** Another process holds the lease. */
  follow(): void {
    if (this.leader) this.log.warn('mode.follower', { mode: this.current });
    this.leader = false;
    this.options.gate.resume();
  }

  /** As a follower: the leader's decision (breaker states and whether writes are held). */
  adopt(published: BreakerStates & { paused?: boolean }): void {
    for (const store of STORE_NAMES) {
      const breaker = this.breakers[store];
      const state = published[store];
      if (state === breaker.state) continue;
      if (state === 'closed') breaker.close();
      else if (state === 'open') breaker.forceOpen();
      else {
        breaker.forceOpen();
        breaker.startRecovering();
      }
    }
    if (!this.leader) {
      if (published.paused) void this.options.gate.pause(this.options.switchPauseMs ?? 2000);
      else this.options.gate.resume();
    }
    this.recompute('adopted the leader’s decision', null, { record: false });
  }

  /**
   * A store call failed with STORE_UNAVAILABLE. Probes the store at once (one probe at a time
   * per store) and resolves whether the store is now out of the write path. A follower waits
   * for the leader's decision instead, at most a probe interval plus a probe.
   */
  async confirmFailure(store: StoreName, error: string): Promise<boolean> {
    if (!this.breakers[store].isClosed) return true;
    this.breakers[store].noteCallFailure(error);
    if (!this.leader) return this.awaitLeaderOpening(store);
    this.confirming[store] ??= this.probeAndFeed(store, `call failed: ${error}`).finally(() => {
      delete this.confirming[store];
    });
    await this.confirming[store];
    return !this.breakers[store].isClosed;
  }

  /** Resolves when the mode changes, or after `timeoutMs`. */
  waitForModeChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.modeWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.modeWaiters.add(done);
    });
  }

  /** One probe round (normally run by the timer). */
  tick(): Promise<void> {
    this.ticking ??= this.probeRound().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async probeRound(): Promise<void> {
    await Promise.all(
      STORE_NAMES.map((store) =>
        this.leader
          ? (this.confirming[store] ?? this.probeAndFeed(store, 'probe failed'))
          : this.probeForLatency(store),
      ),
    );
  }

  private async probe(store: StoreName): Promise<{ latencyMs: number } | { error: string }> {
    try {
      return { latencyMs: await this.options.probes[store]() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async probeForLatency(store: StoreName): Promise<void> {
    // A follower's breakers mirror the leader: a probe only refreshes latency and last error.
    this.breakers[store].observe(await this.probe(store));
  }

  private async probeAndFeed(store: StoreName, context: string): Promise<void> {
    const result = await this.probe(store);
    if (!this.leader) return;
    const transition = this.breakers[store].recordProbe(result);
    if (transition === 'opened') {
      const error = 'error' in result ? result.error : 'unknown';
      this.log.warn('store.down', { store, error, cause: context });
      this.recompute(`${store} down: ${error}`, store);
    } else if (transition === 'ready_to_close' && !this.switching) {
      this.switching = this.closeProtocol(store).finally(() => (this.switching = null));
    }
  }

  /**
   * Brings `store` back (issue 4, Precisions: "Switching back"): catch it up while writes still
   * go to the current target, then hold writes and drain the rest, then switch. Aborts (the
   * breaker stays open and the next healthy probe tries again) when the store fails meanwhile
   * or the last drain does not finish within `switchPauseMs`.
   */
  private async closeProtocol(store: StoreName): Promise<void> {
    const breaker = this.breakers[store];
    const before = this.writeTarget();
    const after = writeTargetOf(modeFor(...this.statesWith(store, 'closed')));
    const stillRecovering = () => breaker.state === 'recovering' && this.leader;
    breaker.startRecovering();
    this.log.info('store.recovering', { store, writes_move: before !== after, from: before, to: after });
    this.publishState();
    try {
      if (before === 'queue') {
        this.options.backlog.setReplayTarget(store);
        await this.waitForBacklog(this.options.drainThreshold ?? 200, stillRecovering);
      } else {
        await this.catchUp(other(store), store);
      }
      if (!stillRecovering()) return;
      if (before === after) {
        breaker.close();
        this.recompute(`${store} back and caught up`, null);
        return;
      }
      await this.switchWrites(store, before, stillRecovering);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn('store.recover_failed', { store, error: message });
      breaker.abortRecovering(message);
      this.recompute(`${store} could not be caught up: ${message}`, null);
    } finally {
      if (breaker.state === 'recovering') breaker.abortRecovering();
      this.options.gate.resume();
      this.syncReplayTarget();
      this.publishState();
    }
  }

  private async switchWrites(
    store: StoreName,
    before: WriteTarget,
    stillRecovering: () => boolean,
  ): Promise<void> {
    const pauseMs = this.options.switchPauseMs ?? 2000;
    const started = performance.now();
    const gate = this.options.gate;
    const inFlightDone = await gate.pause(pauseMs);
    this.publishState();
    const deadline = started + pauseMs;
    let drained = inFlightDone;
    if (drained) {
      if (before === 'queue') {
        drained = await this.waitForBacklog(0, () => stillRecovering() && performance.now() < deadline);
      } else {
        drained = await withDeadline(this.catchUp(other(store), store), deadline - performance.now());
      }
    }
    const heldMs = Math.round(performance.now() - started);
    if (!drained || !stillRecovering()) {
      this.log.warn('mode.switch_postponed', { store, held_ms: heldMs, reason: 'drain did not finish' });
      this.breakers[store].abortRecovering();
      return;
    }
    this.breakers[store].close();
    this.recompute(`${store} back; caught up, writes held ${heldMs} ms to drain the rest`, null);
    this.log.info('mode.switched', { store, held_ms: heldMs });
  }

  /** Resolves true once the backlog is at most `threshold`, false when `keepWaiting` says stop. */
  private async waitForBacklog(threshold: number, keepWaiting: () => boolean): Promise<boolean> {
    for (;;) {
      if ((await this.options.backlog.pendingCount()) <= threshold) return true;
      if (!keepWaiting()) return false;
      await sleep(threshold === 0 ? 5 : 50);
    }
  }

  private async catchUp(from: StoreName, to: StoreName): Promise<boolean> {
    const replicator = this.options.catchUp();
    if (!replicator) {
      this.log.warn('store.catch_up_unavailable', { from, to });
      return true;
    }
    await replicator.catchUp(from, to);
    return true;
  }

  private statesWith(store: StoreName, state: 'closed'): [BreakerStates['primary'], BreakerStates['backup']] {
    const states = this.states();
    states[store] = state;
    return [states.primary, states.backup];
  }

  private async awaitLeaderOpening(store: StoreName): Promise<boolean> {
    const deadline = Date.now() + this.options.probeIntervalMs * 3;
    while (this.breakers[store].isClosed && Date.now() < deadline) {
      await this.waitForModeChange(deadline - Date.now());
    }
    return !this.breakers[store].isClosed;
  }

  private recompute(reason: string, failed: StoreName | null, { record = true } = {}): void {
    const from = this.current;
    const to = modeFor(this.breakers.primary.state, this.breakers.backup.state);
    this.syncReplayTarget();
    this.publishState();
    const isFirst = !this.announced;
    if (from === to && !isFirst) return;
    this.current = to;
    this.announced = true;
    for (const waiter of [...this.modeWaiters]) waiter();
    if (!record && !isFirst) {
      this.log.info('mode.followed', { from, to });
      return;
    }
    if (!this.leader && !isFirst) return;
    const change: ModeChange = {
      from: isFirst ? null : from,
      to,
      reason,
      ...this.states(),
      at: this.now().toISOString(),
    };
    this.log[to === 'FULL_OPERATIONAL' ? 'info' : 'warn']('mode.changed', {
      from: change.from,
      to,
      reason,
      failed_store: failed,
      primary: change.primary,
      backup: change.backup,
    });
    if (this.leader) for (const listener of this.changeListeners) listener(change);
  }

  private syncReplayTarget(): void {
    const target = this.writeTarget();
    const recovering = STORE_NAMES.find((store) => this.breakers[store].state === 'recovering');
    if (target !== 'queue') this.options.backlog.setReplayTarget(target);
    else this.options.backlog.setReplayTarget(this.leader && recovering ? recovering : null);
  }

  private publishState(): void {
    if (!this.leader) return;
    const state = { ...this.states(), mode: this.current, paused: this.options.gate.isPaused };
    for (const listener of this.stateListeners) listener(state);
  }
}

async function withDeadline(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms)))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
