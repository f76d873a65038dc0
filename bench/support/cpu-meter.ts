import { cpuMsOf } from './proc-stats';

/** Named groups of processes whose CPU time is measured together (an app, its database backends…). */
export type PidGroups = Record<string, () => Promise<number[]> | number[]>;

/**
 * CPU milliseconds each group of processes spent between `start` and `stop`. The pids of a group
 * are looked up again at the end, so a process that starts in between (a new database backend)
 * counts from zero; one that exits in between keeps its last reading only if it was seen, and is
 * otherwise missed (rare: pools keep their connections).
 */
export class CpuMeter {
  private constructor(
    private readonly groups: PidGroups,
    private readonly before: Map<string, Map<number, number>>,
    private readonly startedAt: number,
  ) {}

  static async start(groups: PidGroups): Promise<CpuMeter> {
    return new CpuMeter(groups, await readGroups(groups), performance.now());
  }

  /** CPU-ms per group, plus `wallMs`, the time the meter ran. */
  async stop(): Promise<{ cpuMs: Record<string, number>; wallMs: number }> {
    const after = await readGroups(this.groups);
    const wallMs = performance.now() - this.startedAt;
    const cpuMs: Record<string, number> = {};
    for (const [group, readings] of after) {
      const earlier = this.before.get(group) ?? new Map<number, number>();
      let total = 0;
      for (const [pid, ms] of readings) total += ms - (earlier.get(pid) ?? 0);
      cpuMs[group] = total;
    }
    return { cpuMs, wallMs };
  }
}

async function readGroups(groups: PidGroups): Promise<Map<string, Map<number, number>>> {
  const readings = new Map<string, Map<number, number>>();
  for (const [group, pidsOf] of Object.entries(groups)) {
    const byPid = new Map<number, number>();
    for (const pid of await pidsOf()) {
      const ms = cpuMsOf(pid);
      if (ms !== undefined) byPid.set(pid, ms);
    }
    readings.set(group, byPid);
  }
  return readings;
}
