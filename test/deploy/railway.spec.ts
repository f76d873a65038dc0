import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { parse as parseToml } from 'smol-toml';
import { entryPointProblems, words } from './support/entry-points';
import { existsInRepo, readRepoFile } from './support/repo-files';

interface RailwayConfig {
  build: { builder: string; dockerfilePath: string };
  deploy: {
    startCommand: string;
    preDeployCommand: string[];
    healthcheckPath: string;
    healthcheckTimeout: number;
    restartPolicyType: string;
    drainingSeconds: number;
    numReplicas: number;
  };
}

const railway = parseToml(readRepoFile('railway.toml')) as unknown as RailwayConfig;
const packageJson = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };

describe('railway.toml', () => {
  it('builds the same image from the Dockerfile', () => {
    expect(railway.build.builder).toBe('DOCKERFILE');
    expect(existsInRepo(railway.build.dockerfilePath)).toBe(true);
  });

  it('runs the whole suite with the launcher `npm start` runs', () => {
    expect(railway.deploy.startCommand).toBe(packageJson.scripts.start);
    expect(entryPointProblems(words(railway.deploy.startCommand))).toEqual([]);
  });

  it('migrates once per deploy, before the new version starts, not on every start', () => {
    expect(railway.deploy.preDeployCommand).toEqual(['node docker/migrate-all.mjs']);
    for (const command of railway.deploy.preDeployCommand)
      expect(entryPointProblems(words(command))).toEqual([]);
  });

  it('waits for readiness, and gives the apps time to drain on redeploy', () => {
    expect(railway.deploy.healthcheckPath).toBe('/readyz');
    expect(railway.deploy.restartPolicyType).toBe('ON_FAILURE');
    // The launcher kills an app still running SHUTDOWN_GRACE_MS + 5 s after SIGTERM.
    const launcherLimitSeconds = Number(CONFIG_SCHEMA.SHUTDOWN_GRACE_MS.default) / 1000 + 5;
    expect(railway.deploy.drainingSeconds).toBeGreaterThanOrEqual(launcherLimitSeconds);
  });

  it('keeps one copy while platform-adapters and persistence cannot run twice', () => {
    expect(railway.deploy.numReplicas).toBe(1);
  });
});
