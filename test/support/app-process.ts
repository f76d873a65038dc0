import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppName } from './app-names';
import { appEntryPoint, REPO_ROOT } from './build-output';
import { trackChild } from './child-registry';
import { waitUntil } from './wait-until';

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One compiled app as a child process: spawned with the suite's env, every stdout/stderr line
 * kept (across restarts), readiness awaited over HTTP, stopped by a signal.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<AppExit> | null = null;
  private lastExit: AppExit | null = null;
  readonly lines: string[] = [];

  constructor(
    readonly name: AppName,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly onLine: (line: string) => void = () => undefined,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.child !== null && this.lastExit === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.isRunning) throw new Error(`${this.name} is already running`);
    const child = spawn(process.execPath, [appEntryPoint(this.name)], {
      cwd: REPO_ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.lastExit = null;
    trackChild(child);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        this.lines.push(line);
        this.onLine(line);
      });
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.lastExit = { code, signal };
      });
      // 'close' comes after 'exit', once the pipes are drained, so the logs are complete.
      child.once('close', (code, signal) => resolve(this.lastExit ?? { code, signal }));
      child.once('error', (error) => {
        this.lines.push(`[spawn error] ${error.message}`);
        this.lastExit = { code: null, signal: null };
        resolve(this.lastExit);
      });
    });
  }

  /** Resolves once GET /readyz answers 200; fails early with the logs if the process exits. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    await waitUntil(
      async () => {
        const response = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        return response.status === 200 ? true : undefined;
      },
      {
        timeoutMs,
        intervalMs: 100,
        describe: () => `${this.name} to answer 200 on ${this.url}/readyz`,
        giveUpIf: () => (this.lastExit ? `it exited (${describeExit(this.lastExit)})` : undefined),
      },
    ).catch(async (error: Error) => {
      if (this.lastExit) await this.exited; // let the pipes drain so the log below is complete
      throw new Error(`${error.message}\n--- ${this.name} log (last 200 lines) ---\n${this.tail(200)}`);
    });
  }

  /** Sends `signal` and waits for the exit; SIGKILL follows after `killAfterMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 10_000): Promise<AppExit> {
    if (!this.child || !this.exited) throw new Error(`${this.name} was never started`);
    if (this.lastExit) return this.exited;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), killAfterMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves with the exit of the current process, however it ends. */
  waitExit(): Promise<AppExit> {
    if (!this.exited) throw new Error(`${this.name} was never started`);
    return this.exited;
  }

  tail(count: number): string {
    return this.lines.slice(-count).join('\n');
  }
}

export function describeExit(exit: AppExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
