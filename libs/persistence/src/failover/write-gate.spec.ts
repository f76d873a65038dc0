import { WriteGate } from './write-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteGate', () => {
  it('lets writes through while open', async () => {
    const gate = new WriteGate();
    const leave = await gate.enter();

    expect(gate.writesInFlight).toBe(1);
    leave();
    expect(gate.writesInFlight).toBe(0);
  });

  it('holds new writes while paused and lets them go on resume', async () => {
    const gate = new WriteGate();
    await gate.pause(100);
    let passed = false;
    const waiting = gate.enter().then((leave) => {
      passed = true;
      leave();
    });
    await tick();
    expect(passed).toBe(false);

    gate.resume();
    await waiting;
    expect(passed).toBe(true);
  });

  it('resolves a pause once the writes already in flight are done', async () => {
    const gate = new WriteGate();
    const leave = await gate.enter();
    const paused = gate.pause(1000);
    await tick();
    leave();

    await expect(paused).resolves.toBe(true);
  });

  it('gives up waiting for writes in flight after the timeout, staying paused', async () => {
    const gate = new WriteGate();
    await gate.enter();

    await expect(gate.pause(20)).resolves.toBe(false);
    expect(gate.isPaused).toBe(true);
  });
});
