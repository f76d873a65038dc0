import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { ModeEventView, Op, StoreName } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { BACKUP_STORE, canonicalJson, createPgPool, PRIMARY_STORE, Store } from '@karmabot/persistence';
import { CacheInvalidationBus } from '@karmabot/persistence/cache/cache-invalidation-bus';
import { ReadCache } from '@karmabot/persistence/cache/read-cache';
import { DeferredQueue } from '@karmabot/persistence/deferred/deferred-queue';
import { RecoveryWorker } from '@karmabot/persistence/deferred/recovery-worker';
import { checkRedisDurability, RedisDurability } from '@karmabot/persistence/deferred/redis-durability';
import { ReplayBatcher } from '@karmabot/persistence/deferred/replay-batcher';
import { CATCH_UP, CatchUp, ReplicationLag } from '@karmabot/persistence/failover/catch-up';
import { FailoverStore } from '@karmabot/persistence/failover/failover-store';
import { ModeChange } from '@karmabot/persistence/failover/mode-change';
import { ModeLease } from '@karmabot/persistence/failover/mode-lease';
import { ModeMachine } from '@karmabot/persistence/failover/mode-machine';
import { ModeStateChannel, PublishedModeState } from '@karmabot/persistence/failover/mode-state-channel';
import { pgProbe } from '@karmabot/persistence/failover/pg-probe';
import { StoreProbe } from '@karmabot/persistence/failover/store-probe';
import { WriteGate } from '@karmabot/persistence/failover/write-gate';
import { deferredDepth, modeChanges, recordStoreGauges } from './failover-metrics';
import { FailoverRedis } from './failover-redis';
import { nestFailoverLog } from './nest-failover-log';

/** How long the mode lease lives without renewal; a standby leads within about this long. */
const LEASE_TTL_MS = 5000;
/** How often Redis durability is checked again after start. */
const DURABILITY_CHECK_MS = 30_000;
/** How often replication lag is read, for parked replays and the status. */
const LAG_REFRESH_MS = 2000;
/** Mode changes kept for the status page. */
const HISTORY_LENGTH = 50;
/** Connections per store for group-committed replays, beside the stores' own pools. */
const REPLAY_POOL_SIZE = 5;

const other = (store: StoreName): StoreName => (store === 'primary' ? 'backup' : 'primary');

/**
 * Assembles and runs the failover machinery of one persistence process (issue 4): the mode
 * machine with its probes and lease, the failover repository every handler uses (STORE), the
 * deferred-write queue and its recovery worker, the read cache and its invalidation bus, and
 * the Redis durability watch. See docs/adr/0420…0426 for the decisions.
 */
@Injectable()
export class FailoverRuntime implements OnModuleInit, BeforeApplicationShutdown {
  readonly gate = new WriteGate();
  readonly cache: ReadCache;
  readonly queue: DeferredQueue;
  readonly machine: ModeMachine;
  readonly worker: RecoveryWorker;
  readonly batcher: ReplayBatcher;
  readonly store: FailoverStore;
  readonly bus: CacheInvalidationBus;
  readonly lease: ModeLease;
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly channel: ModeStateChannel;
  private readonly stores: Record<StoreName, Store>;
  private readonly replayPools: Partial<Record<StoreName, Pool>>;
  private readonly logger = new Logger('Failover');
  private readonly timers: NodeJS.Timeout[] = [];
  private durability: RedisDurability | null = null;
  private lastLag: ReplicationLag | null = null;
  private lastSeenToken = 0;
  private readonly unrecorded: ModeChange[] = [];
  private replicator: CatchUp | null | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRIMARY_STORE) primary: Store,
    @Inject(BACKUP_STORE) backup: Store,
    private readonly redis: FailoverRedis,
    private readonly moduleRef: ModuleRef,
  ) {
    this.stores = { primary, backup };
    const log = nestFailoverLog('Failover');
    this.cache = new ReadCache(config.CACHE_SIZE);
    this.queue = new DeferredQueue(redis.commands, redis.prefix);
    this.bus = new CacheInvalidationBus(
      redis.commands,
      redis.key('cache', 'invalidate'),
      this.holder,
      this.cache,
    );
    this.replayPools = this.createReplayPools();
    this.batcher = new ReplayBatcher(
      this.queue,
      {
        target: () => this.worker.replayTarget,
        poolOf: (store) => this.replayPools[store] ?? null,
        storeOf: (store) => this.stores[store],
        onStoreFailure: (store, error) => void this.machine.confirmFailure(store, error),
        mayArriveLater: (store) => this.mayArriveLater(store),
        onDecided: (op, outcome) => {
          this.cache.noteDecided(op, outcome);
          this.bus.decidedHere(op, outcome);
        },
      },
      { log, parallelism: REPLAY_POOL_SIZE - 1 },
    );
    this.worker = new RecoveryWorker(this.queue, this.batcher, redis.worker, redis.prefix, { log });
    this.machine = new ModeMachine({
      probes: { primary: this.probeOf('primary'), backup: this.probeOf('backup') },
      probeIntervalMs: config.PROBE_INTERVAL_MS,
      catchUp: () => this.catchUp(),
      backlog: this.worker,
      gate: this.gate,
      log,
    });
    this.store = new FailoverStore({
      stores: this.stores,
      machine: this.machine,
      gate: this.gate,
      cache: this.cache,
      queue: this.queue,
      durability: () => ({
        isDurable: this.durability?.isDurable ?? false,
        allowsVolatile: this.config.ALLOW_VOLATILE_QUEUE,
      }),
      onDecided: (op, outcome) => this.bus.decidedHere(op, outcome),
      log,
    });
    this.lease = new ModeLease(
      redis.commands,
      { lease: redis.key('mode', 'leader'), fence: redis.key('mode', 'fence') },
      this.holder,
      LEASE_TTL_MS,
    );
    this.channel = new ModeStateChannel(redis.commands, {
      state: redis.key('mode', 'state'),
      channel: redis.key('mode', 'state-changed'),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.checkDurability(true);
    this.machine.onChange((change) => void this.announce(change));
    this.machine.onState((state) => void this.publish(state));
    await this.bus.start(this.redis.subscriber);
    await this.channel.subscribe(this.redis.subscriber, (state) => this.onPublished(state));
    const published = await this.channel.read().catch(() => null);
    const isLeader = await this.lease.refresh();
    await this.machine.start(published ?? undefined);
    if (isLeader) this.machine.lead();
    else if (published) this.onPublished(published);
    this.every(LEASE_TTL_MS / 3, () => this.refreshLease());
    this.every(DURABILITY_CHECK_MS, () => this.checkDurability(false));
    this.every(LAG_REFRESH_MS, () => this.refreshLag());
    this.every(5000, () => this.recordUnrecorded());
    this.every(this.config.PROBE_INTERVAL_MS, () => this.refreshGauges());
    this.logger.log({
      msg: 'failover.started',
      holder: this.holder,
      is_leader: isLeader,
      mode: this.machine.mode,
      resumed_from: published ? published.mode : null,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.machine.stop();
    await this.worker.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    await this.lease.release();
    await Promise.all(Object.values(this.replayPools).map((pool) => pool.end().catch(() => undefined)));
  }

  /** The replicator (CATCH_UP), once the replication module provides it. */
  catchUp(): CatchUp | null {
    if (this.replicator) return this.replicator;
    try {
      this.replicator = this.moduleRef.get<CatchUp>(CATCH_UP, { strict: false });
    } catch {
      this.replicator = null;
    }
    return this.replicator ?? null;
  }

  get allowsVolatileQueue(): boolean {
    return this.config.ALLOW_VOLATILE_QUEUE;
  }

  redisDurability(): RedisDurability | null {
    return this.durability;
  }

  replicationLag(): ReplicationLag | null {
    return this.lastLag;
  }

  async history(): Promise<ModeEventView[]> {
    const raw = await this.redis.commands.lrange(this.redis.key('mode', 'history'), 0, 9).catch(() => []);
    return raw.map((line) => JSON.parse(line) as ModeEventView);
  }

  async leaderHolder(): Promise<string | null> {
    return this.lease.currentHolder();
  }

  private createReplayPools(): Partial<Record<StoreName, Pool>> {
    const settings = (url: string, storeName: StoreName) => ({
      url,
      poolSize: REPLAY_POOL_SIZE,
      connectTimeoutMs: this.config.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: this.config.DB_STATEMENT_TIMEOUT_MS,
      applicationName: 'karmabot-replay',
      storeName,
    });
    const pools: Partial<Record<StoreName, Pool>> = {
      primary: createPgPool(settings(this.config.DATABASE_URL, 'primary')),
    };
    // A backup reached through supabase-js has no pg URL here: its replays go op by op.
    if (!this.usesSupabase())
      pools.backup = createPgPool(settings(this.config.BACKUP_DATABASE_URL, 'backup'));
    for (const pool of Object.values(pools)) pool.on('error', () => undefined);
    return pools;
  }

  private probeOf(store: StoreName): StoreProbe {
    const timeoutMs = this.config.DB_CONNECT_TIMEOUT_MS;
    if (store === 'primary') return pgProbe(this.config.DATABASE_URL, timeoutMs);
    if (!this.usesSupabase()) return pgProbe(this.config.BACKUP_DATABASE_URL, timeoutMs);
    return () => withTimeout(this.stores.backup.ping(), timeoutMs);
  }

  private usesSupabase(): boolean {
    return Boolean(this.config.SUPABASE_URL && this.config.SUPABASE_KEY);
  }

  private mayArriveLater(store: StoreName): boolean {
    if (!this.machine.isUp(other(store))) return true;
    const lag = this.lastLag?.[store === 'primary' ? 'toPrimary' : 'toBackup'];
    return lag === undefined || lag === null || lag.ops > 0;
  }

  private async refreshLease(): Promise<void> {
    const held = await this.lease.refresh();
    if (held && !this.machine.isLeader) {
      this.logger.warn({ msg: 'mode.lease_taken', holder: this.holder, token: this.lease.token });
      this.machine.lead();
    } else if (!held && this.machine.isLeader) {
      this.logger.warn({ msg: 'mode.lease_lost', holder: this.holder });
      this.machine.follow();
    }
  }

  private onPublished(state: PublishedModeState): void {
    if (state.token < this.lastSeenToken) return;
    this.lastSeenToken = state.token;
    if (this.machine.isLeader && state.leader === this.holder) return;
    if (this.machine.isLeader) {
      // A newer leader exists (our lease expired unnoticed): stop deciding at once.
      if (state.token > (this.lease.token ?? 0)) this.machine.follow();
      else return;
    }
    this.machine.adopt(state);
  }

  private async publish(state: Omit<PublishedModeState, 'token' | 'leader' | 'at'>): Promise<void> {
    const token = this.lease.token;
    if (token === null) return;
    await this.channel
      .publish({ ...state, token, leader: this.holder, at: new Date().toISOString() })
      .catch((error: Error) => this.logger.warn({ msg: 'mode.publish_failed', error: error.message }));
  }

  /** A decided change: history, the monitor's event, and a `mode_events` row through an op. */
  private async announce(change: ModeChange): Promise<void> {
    modeChanges.inc({ to: change.to });
    void this.refreshGauges();
    const op = this.modeEventOp(change);
    const event: ModeEventView = { id: deriveId(op.opId, 'mode_event'), ...op.payload, at: op.at };
    const line = JSON.stringify(event);
    await this.redis.commands
      .multi()
      .lpush(this.redis.key('mode', 'history'), line)
      .ltrim(this.redis.key('mode', 'history'), 0, HISTORY_LENGTH - 1)
      .publish(this.redis.key('events', 'mode.changed'), line)
      .exec()
      .catch((error: Error) => this.logger.warn({ msg: 'mode.event_publish_failed', error: error.message }));
    await this.record(change, op);
  }

  private async record(change: ModeChange, op = this.modeEventOp(change)): Promise<void> {
    try {
      const outcome = await this.store.applyOp(op);
      this.logger.log({ msg: 'mode.recorded', op_id: op.opId, state: outcome.state, to: change.to });
    } catch (error) {
      this.logger.warn({ msg: 'mode.record_deferred', to: change.to, error: (error as Error).message });
      this.unrecorded.push(change);
    }
  }

  private async recordUnrecorded(): Promise<void> {
    const pending = this.unrecorded.splice(0);
    for (const change of pending) await this.record(change);
  }

  /** The op of one change; its id derives from the change, so a retry records it once. */
  private modeEventOp(change: ModeChange): Op<'mode_event.record'> {
    const payload = {
      from: change.from,
      to: change.to,
      reason: change.reason,
      primaryState: change.primary,
      backupState: change.backup,
      decidedBy: this.holder,
      fencingToken: this.lease.token ?? 0,
    };
    const requestHash = createHash('sha256')
      .update(`mode_event.record\n${canonicalJson(payload)}`)
      .digest('hex');
    const opId = uuidFrom(`${this.holder}|${change.at}|${change.to}`, change.at);
    return {
      opId,
      type: 'mode_event.record',
      payload,
      actor: 'system',
      platform: 'system',
      at: change.at,
      requestHash,
    };
  }

  private async checkDurability(isStart: boolean): Promise<void> {
    const previous = this.durability;
    this.durability = await checkRedisDurability(this.redis.commands);
    const changed = previous?.isDurable !== this.durability.isDurable;
    if (!isStart && !changed) return;
    if (this.durability.isDurable) {
      this.logger.log({ msg: 'redis.durable', appendfsync: this.durability.appendfsync });
    } else if (this.config.ALLOW_VOLATILE_QUEUE) {
      this.logger.error({
        msg: 'redis.volatile_queue_allowed',
        alert: true,
        problems: this.durability.problems,
        detail:
          '!!! ALLOW_VOLATILE_QUEUE=true: while both databases are down, writes are queued in a Redis that can lose them in a crash. Development only.',
      });
    } else {
      this.logger.error({
        msg: 'redis.not_durable',
        alert: true,
        problems: this.durability.problems,
        detail:
          '!!! Redis is not configured for a durable queue (needs appendonly yes, appendfsync always, maxmemory-policy noeviction): while both databases are down, writes will be refused with 503.',
      });
    }
  }

  private async refreshGauges(): Promise<void> {
    const snapshot = this.machine.snapshot();
    recordStoreGauges(snapshot.mode, snapshot.breakers);
    const stats = await this.queue.stats().catch(() => null);
    if (stats) {
      deferredDepth.set({ state: 'queued' }, stats.depth);
      deferredDepth.set({ state: 'parked' }, stats.parked);
      deferredDepth.set({ state: 'failed' }, stats.failed);
    }
  }

  private async refreshLag(): Promise<void> {
    const replicator = this.catchUp();
    if (!replicator) return;
    this.lastLag = await replicator.lag().catch(() => this.lastLag);
  }

  private every(ms: number, work: () => Promise<void>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      work()
        .catch((error: Error) => this.logger.warn({ msg: 'failover.timer_failed', error: error.message }))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

/** A UUID (v7 layout: time first) whose random part is derived from `seed`, so it is stable. */
function uuidFrom(seed: string, at: string): string {
  const random = createHash('sha256').update(seed).digest();
  return uuidv7({ msecs: Date.parse(at), random: Uint8Array.from(random.subarray(0, 16)) });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`probe timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
