import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let installed = false;

function killAll() {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * Keeps a spawned process (an app, a redis-server) from outliving the test process: it is killed
 * when the test process exits, or is stopped by a signal (a timeout, Ctrl-C, a CI cancel), after
 * which the signal takes its normal course.
 */
export function trackChild(child: ChildProcess): void {
  if (!installed) {
    installed = true;
    process.once('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        killAll();
        process.kill(process.pid, signal);
      });
    }
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}
