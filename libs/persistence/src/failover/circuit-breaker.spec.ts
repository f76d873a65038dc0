import { CircuitBreaker } from './circuit-breaker';

const up = { latencyMs: 1 };
const down = { error: 'connect ECONNREFUSED' };

describe('CircuitBreaker', () => {
  it('opens on the first failed probe', () => {
    const breaker = new CircuitBreaker();

    expect(breaker.recordProbe(down)).toBe('opened');
    expect(breaker.state).toBe('open');
    expect(breaker.snapshot()).toMatchObject({ lastError: 'connect ECONNREFUSED', latencyMs: null });
  });

  it('is ready to close only after three healthy probes in a row', () => {
    const breaker = new CircuitBreaker('open');

    expect(breaker.recordProbe(up)).toBeNull();
    expect(breaker.recordProbe(up)).toBeNull();
    expect(breaker.recordProbe(up)).toBe('ready_to_close');
    expect(breaker.state).toBe('open');
  });

  it('never gets ready to close while the store answers every other probe', () => {
    const breaker = new CircuitBreaker('open');
    const transitions = Array.from({ length: 20 }, (_, i) => breaker.recordProbe(i % 2 ? down : up));

    expect(transitions.filter((t) => t === 'ready_to_close')).toEqual([]);
    expect(breaker.state).toBe('open');
  });

  it('goes back to open when the store fails while it is being caught up', () => {
    const breaker = new CircuitBreaker('open');
    [up, up, up].forEach((probe) => breaker.recordProbe(probe));
    breaker.startRecovering();

    expect(breaker.recordProbe(down)).toBe('opened');
    expect(breaker.snapshot()).toMatchObject({ state: 'open', healthyProbes: 0 });
  });

  it('keeps its healthy probes when a switch is only postponed, so the next probe tries again', () => {
    const breaker = new CircuitBreaker('open');
    [up, up, up].forEach((probe) => breaker.recordProbe(probe));
    breaker.startRecovering();
    breaker.abortRecovering();

    expect(breaker.recordProbe(up)).toBe('ready_to_close');
  });

  it('remembers a call failure without opening', () => {
    const breaker = new CircuitBreaker();
    breaker.noteCallFailure('canceling statement due to statement timeout');

    expect(breaker.snapshot()).toMatchObject({
      state: 'closed',
      lastError: expect.stringContaining('timeout'),
    });
  });
});
