import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { ConfigInvalid, loadConfig } from '@karmabot/common/config/load-config';
import { appEntryPoint, assertBuilt, REPO_ROOT } from './support/build-output';

const SCHEMA_NAMES = Object.keys(CONFIG_SCHEMA);

function runScript(script: string): string {
  assertBuilt(['monitor']);
  const result = spawnSync(process.execPath, [resolve(REPO_ROOT, 'scripts', script)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** `NAME=value` lines of a dotenv file, comments skipped. */
function dotenvEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) entries.set(match[1], match[2].replace(/^"(.*)"$/, '$1'));
  }
  return entries;
}

function configSectionOfReadme(): string {
  const readme = readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- config-table:start');
  const end = readme.indexOf('<!-- config-table:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- config-table:start … end --> section');
  return readme.slice(readme.indexOf('-->', start) + 3, end).replace(/^\n/, '');
}

describe('the settings documentation', () => {
  it('lists every schema variable in .env.example with its default', () => {
    const entries = dotenvEntries(readFileSync(resolve(REPO_ROOT, '.env.example'), 'utf8'));
    expect(SCHEMA_NAMES.filter((name) => !entries.has(name))).toEqual([]);
    expect([...entries.keys()].filter((name) => !SCHEMA_NAMES.includes(name))).toEqual([]);
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      expect({ name, value: entries.get(name) }).toEqual({ name, value: spec.default });
    }
  });

  it('keeps .env.example as scripts/env-example.mjs generates it (run `npm run config:docs`)', () => {
    expect(readFileSync(resolve(REPO_ROOT, '.env.example'), 'utf8')).toBe(runScript('env-example.mjs'));
  });

  it("lists every schema variable in README's configuration table", () => {
    const documented = [...configSectionOfReadme().matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect(SCHEMA_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !SCHEMA_NAMES.includes(name))).toEqual([]);
  });

  it("keeps README's table as scripts/config-table.mjs prints it (run `npm run config:docs`)", () => {
    expect(configSectionOfReadme()).toBe(runScript('config-table.mjs'));
  });
});

describe('loadConfig', () => {
  function problemsOf(env: NodeJS.ProcessEnv): string[] {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigInvalid) return error.problems;
      throw error;
    }
    throw new Error('loadConfig accepted the environment');
  }

  it('fills every variable from the schema defaults, typed', () => {
    const config = loadConfig({});
    expect(Object.keys(config).sort()).toEqual([...SCHEMA_NAMES].sort());
    expect(config.GATEWAY_PORT).toBe(8000);
    expect(config.WRITE_CONCERN).toBe('primary');
    expect(config.REDIS_PREFIX).toBe('karmabot:');
  });

  it('names a malformed integer', () => {
    expect(problemsOf({ GATEWAY_PORT: 'abc' })).toEqual([
      expect.stringMatching(/^GATEWAY_PORT: must be an integer/),
    ]);
  });

  it('names an integer out of its range', () => {
    expect(problemsOf({ DB_POOL_SIZE: '0' })).toEqual([expect.stringMatching(/^DB_POOL_SIZE: must be ≥ 1/)]);
    expect(problemsOf({ MONITOR_HTTP_PORT: '70000' })).toEqual([
      expect.stringMatching(/^MONITOR_HTTP_PORT: must be ≤ 65535/),
    ]);
  });

  it('names a value outside an enum, with the allowed ones', () => {
    expect(problemsOf({ WRITE_CONCERN: 'quorum' })).toEqual([
      expect.stringMatching(/^WRITE_CONCERN: must be one of primary, both/),
    ]);
  });

  it('names a malformed URL', () => {
    expect(problemsOf({ DATABASE_URL: 'not a url' })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a URL/),
    ]);
  });

  it('reports every bad variable at once, in one message', () => {
    const env = { GATEWAY_PORT: 'abc', LOG_LEVEL: 'loud', REDIS_URL: '::nope::' };
    expect(problemsOf(env)).toHaveLength(3);
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of Object.keys(env)) expect(message).toContain(`${name}: `);
  });

  it('refuses production without ADMIN_TOKEN and API_KEY_PEPPER', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'ADMIN_TOKEN: required when NODE_ENV=production',
      'API_KEY_PEPPER: required when NODE_ENV=production',
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      ADMIN_TOKEN: 'a'.repeat(32),
      API_KEY_PEPPER: 'p'.repeat(32),
    });
    expect(config.NODE_ENV).toBe('production');
  });
});

describe('an app started with a bad variable', () => {
  /** Runs an app with `env` over a clean environment and collects how it ended. */
  function runApp(
    env: Record<string, string>,
  ): Promise<{ code: number | null; stderr: string; stdout: string }> {
    assertBuilt(['monitor']);
    const clean = { ...process.env };
    for (const name of SCHEMA_NAMES) delete clean[name];
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [appEntryPoint('monitor')], {
        env: { ...clean, REDIS_PREFIX: `kbtest:badconfig:${process.pid}:`, MONITOR_HTTP_PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`monitor did not exit within 15 s\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }, 15_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ code, stdout, stderr });
      });
    });
  }

  it('exits 1 and names the variable on stderr', async () => {
    const result = await runApp({ GATEWAY_PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GATEWAY_PORT: must be an integer/);
  });

  it('names every bad variable, not just the first', async () => {
    const result = await runApp({ LOG_LEVEL: 'loud', DATABASE_URL: 'nope', RPC_TIMEOUT_MS: '1.5' });
    expect(result.code).toBe(1);
    for (const name of ['LOG_LEVEL', 'DATABASE_URL', 'RPC_TIMEOUT_MS']) expect(result.stderr).toContain(name);
  });

  it('refuses to start in production without its secrets', async () => {
    const result = await runApp({ NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ADMIN_TOKEN: required when NODE_ENV=production/);
  });
});
