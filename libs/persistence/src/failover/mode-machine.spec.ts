import { StoreMode } from '@karmabot/contracts';
import { createTestDatabasePair, TestDatabasePair } from '../../../../test/support/databases';
import { startTcpProxy, TcpProxy } from '../../../../test/support/tcp-proxy';
import { DeferredBacklog } from './deferred-backlog';
import { ModeChange } from './mode-change';
import { ModeMachine } from './mode-machine';
import { pgProbe } from './pg-probe';
import { WriteGate } from './write-gate';

/** No deferred writes in these tests: the machine's backlog is always empty. */
const EMPTY_BACKLOG: DeferredBacklog = { pendingCount: async () => 0, setReplayTarget: () => undefined };

/**
 * The mode machine probing real databases, one of them behind a TCP proxy that refuses
 * connections on command (a real outage for the probe). Probes are driven tick by tick, so
 * "a store that answers every other probe" is exactly that.
 */
describe('ModeMachine', () => {
  let dbs: TestDatabasePair;
  let proxy: TcpProxy;
  let machine: ModeMachine;
  let changes: ModeChange[];

  beforeEach(async () => {
    dbs = await createTestDatabasePair();
    const backup = new URL(dbs.backupUrl);
    proxy = await startTcpProxy(Number(backup.port || 5432));
    backup.port = String(proxy.port);
    machine = new ModeMachine({
      probes: { primary: pgProbe(dbs.primaryUrl, 1000), backup: pgProbe(backup.toString(), 1000) },
      probeIntervalMs: 3_600_000, // ticks are driven by the test
      catchUp: () => null,
      backlog: EMPTY_BACKLOG,
      gate: new WriteGate(),
    });
    changes = [];
    machine.onChange((change) => changes.push(change));
    await machine.start();
    machine.lead();
  });
  afterEach(async () => {
    await machine.stop();
    await proxy.close();
    await dbs.drop();
  });

  const tick = async () => {
    await machine.tick();
    // A close protocol runs after the tick that made the breaker ready; let it finish.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const modes = (): StoreMode[] => changes.map((change) => change.to);

  it('starts FULL_OPERATIONAL with both stores up', () => {
    expect(machine.mode).toBe('FULL_OPERATIONAL');
  });

  it('opens on the first failed probe and closes after three healthy probes in a row', async () => {
    await proxy.refuse();
    await tick();
    expect(machine.mode).toBe('POSTGRESQL_ONLY');

    await proxy.heal();
    await tick();
    await tick();
    expect(machine.mode).toBe('POSTGRESQL_ONLY');
    await tick();
    expect(machine.mode).toBe('FULL_OPERATIONAL');
    expect(modes()).toEqual(['POSTGRESQL_ONLY', 'FULL_OPERATIONAL']);
    expect(changes[0]).toMatchObject({
      from: 'FULL_OPERATIONAL',
      backup: 'open',
      reason: expect.stringContaining('backup down'),
    });
  });

  it('does not flap when the store answers every other probe', async () => {
    for (let i = 0; i < 12; i++) {
      if (i % 2 === 0) await proxy.refuse();
      else await proxy.heal();
      await tick();
    }
    expect(modes()).toEqual(['POSTGRESQL_ONLY']);
    expect(machine.snapshot().breakers.backup).toMatchObject({ state: 'open', healthyProbes: 1 });

    for (let i = 0; i < 3; i++) await tick();
    expect(modes()).toEqual(['POSTGRESQL_ONLY', 'FULL_OPERATIONAL']);
  });

  it('keeps a store that a call found failing when the confirming probe finds it up', async () => {
    const isOut = await machine.confirmFailure('primary', 'canceling statement due to statement timeout');

    expect(isOut).toBe(false);
    expect(machine.mode).toBe('FULL_OPERATIONAL');
    expect(machine.snapshot().breakers.primary.lastError).toContain('statement timeout');
  });

  it('takes a store out at once when a call failed and the probe confirms it', async () => {
    await proxy.refuse();

    const isOut = await machine.confirmFailure('backup', 'Connection terminated unexpectedly');

    expect(isOut).toBe(true);
    expect(machine.mode).toBe('POSTGRESQL_ONLY');
  });
});
