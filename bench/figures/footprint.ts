import { APP_NAMES, AppName } from '../../test/support/app-names';
import { BenchSuite } from '../support/bench-suite';
import { round } from '../support/latency-summary';
import { progress } from '../support/progress';

export interface AppFootprint {
  /** From spawning the app alone (the others running) to its first 200 on /readyz; polled every 100 ms. */
  startupMs: number;
  /** RSS after start-up and seeding, before any load. */
  idleRssMb: number;
  /** Peak RSS while the order writes and reads ran; null when no load ran in this run. */
  loadedRssMb: number | null;
}

export interface Footprint {
  /** All four apps spawned at once until every one was ready (they share the cores while starting). */
  suiteStartMs: number;
  apps: Record<AppName, AppFootprint>;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 0 : round(bytes / 2 ** 20, 1));

/** Start-up time of each app alone (a restart, one at a time), beside the RSS sampled by the run. */
export async function measureFootprint(
  bench: BenchSuite,
  idleRssBytes: Record<string, number>,
  loadedRssBytes: Record<string, number> | undefined,
): Promise<Footprint> {
  const apps = {} as Record<AppName, AppFootprint>;
  for (const app of APP_NAMES) {
    progress(`footprint: restarting ${app}`);
    const startupMs = await bench.restartApp(app);
    apps[app] = {
      startupMs,
      idleRssMb: mb(idleRssBytes[app]),
      loadedRssMb: loadedRssBytes ? mb(loadedRssBytes[app]) : null,
    };
  }
  return { suiteStartMs: bench.startMs, apps };
}
