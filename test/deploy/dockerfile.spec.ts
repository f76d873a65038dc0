import { rmSync } from 'node:fs';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parse as parseToml } from 'smol-toml';
import { entryPointProblems, words } from './support/entry-points';
import { startHttpStub } from './support/http-stub';
import { DockerStage, execForm, readDockerfile } from './support/read-dockerfile';
import { readRepoFile, readYaml } from './support/repo-files';
import { runNode } from './support/run-node';
import { isInLayout, materializeLayout, runtimeLayout } from './support/runtime-layout';

const dockerfile = readRepoFile('Dockerfile');
const stages = readDockerfile(dockerfile);
const runtime = stages[stages.length - 1];
const inRuntime = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword);
const last = (keyword: string) => inRuntime(keyword).pop();
const stageNamed = (name: string): DockerStage | undefined => stages.find((s) => s.name === name);

/** Every command a deployment file runs in this image, with where it comes from. */
function commandsRunInTheImage(): [string, string[]][] {
  const commands: [string, string[]][] = [];
  commands.push(['Dockerfile CMD', execForm(last('CMD')?.text ?? '') ?? []]);
  const compose = readYaml<{
    services: Record<string, { image?: string; command?: string[]; healthcheck?: { test?: string[] } }>;
  }>('docker-compose.yml');
  for (const [name, service] of Object.entries(compose.services)) {
    if (!service.image?.includes('KARMABOT_IMAGE')) continue;
    if (service.command) commands.push([`compose ${name}`, service.command]);
    if (service.healthcheck?.test?.[0] === 'CMD')
      commands.push([`compose ${name} healthcheck`, service.healthcheck.test.slice(1)]);
  }
  for (const file of ['api-gateway', 'platform-adapters', 'persistence', 'monitor', 'migrate-job']) {
    const manifest = readRepoFile('k8s', 'base', `${file}.yaml`);
    for (const match of manifest.matchAll(/args: (\[.*\])/g))
      commands.push([`k8s ${file}`, JSON.parse(match[1])]);
  }
  const railway = parseToml(readRepoFile('railway.toml')) as {
    deploy: { startCommand: string; preDeployCommand: string[] };
  };
  commands.push(['railway startCommand', words(railway.deploy.startCommand)]);
  for (const command of railway.deploy.preDeployCommand)
    commands.push(['railway preDeployCommand', words(command)]);
  return commands;
}

describe('Dockerfile', () => {
  it('passes the Dockerfile linter (dockerfile-utils) with no finding', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it('builds in stages: all dependencies, the build, production dependencies, the runtime', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    expect(stageNamed('build')?.from).toBe('deps');
    expect(
      stageNamed('build')?.instructions.some((i) => i.keyword === 'RUN' && i.text === 'npm run build'),
    ).toBe(true);
  });

  it('runs on a Node 20 slim base, pinned to a tag', () => {
    expect(runtime.from).toMatch(/^node:20(\.\d+)*-(bookworm-|bullseye-)?slim$/);
    for (const stage of stages) {
      if (stageNamed(stage.from)) continue;
      expect(stage.from).toMatch(/^[a-z0-9./-]+:[A-Za-z0-9._-]+(@sha256:[a-f0-9]{64})?$/);
      expect(stage.from).not.toMatch(/:latest\b/);
    }
  });

  it('runs as a non-root user', () => {
    const user = last('USER')?.args[0] ?? 'root';
    const [name] = user.split(':');
    expect(['root', '0']).not.toContain(name);
    const lines = runtime.instructions;
    expect(lines.indexOf(last('USER')!)).toBeLessThan(lines.indexOf(last('CMD')!));
  });

  it('ships production dependencies only', () => {
    const nodeModules = inRuntime('COPY').filter((copy) => copy.args.some((a) => a.includes('node_modules')));
    expect(nodeModules).toHaveLength(1);
    const source = stageNamed(nodeModules[0].flags.from ?? '');
    const installs =
      source?.instructions.filter((i) => i.keyword === 'RUN' && /\bnpm (ci|install|i)\b/.test(i.text)) ?? [];
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.text).toMatch(/npm ci --omit=dev\b/);
    expect(inRuntime('RUN').filter((run) => /\bnpm (ci|install|i)\b/.test(run.text))).toEqual([]);
    expect(inRuntime('ENV').map((e) => e.text)).toContain('NODE_ENV=production');
  });

  it('has a HEALTHCHECK on the liveness endpoint, in exec form', () => {
    const healthcheck = last('HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const command = execForm((healthcheck?.text ?? '').replace(/^CMD\s+/, ''));
    expect(command).toEqual(['node', 'docker/healthcheck.mjs']);
  });

  it('starts the gateway by default, through tini, with commands in exec form', () => {
    expect(execForm(last('ENTRYPOINT')?.text ?? '')).toEqual(['/usr/bin/tini', '--']);
    expect(inRuntime('RUN').some((run) => /apt-get install [^&]*\btini=/.test(run.text))).toBe(true);
    expect(execForm(last('CMD')?.text ?? '')).toEqual(['node', 'dist/apps/api-gateway/src/main.js']);
  });

  it('installs OS packages the careful way: pinned, no recommends, lists removed', () => {
    for (const run of stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'RUN' && /apt-get install/.test(i.text))) {
      expect(run.text).toMatch(/apt-get install -y --no-install-recommends/);
      expect(run.text).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
      const packages = run.text.split('--no-install-recommends')[1].split('&&')[0].trim().split(/\s+/);
      for (const pkg of packages) expect(pkg).toMatch(/^[a-z0-9.+-]+=[A-Za-z0-9.+:~-]+$/);
    }
  });

  it('names only files the build really produces, wherever a command runs the image', () => {
    const layout = runtimeLayout(stages);
    const problems: string[] = [];
    for (const [where, command] of commandsRunInTheImage()) {
      for (const problem of entryPointProblems(command)) problems.push(`${where}: ${problem}`);
      if (command[1] && !isInLayout(layout, command[1]))
        problems.push(`${where}: ${command[1]} is not copied into the image`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps secrets, dependencies and stale builds out of the build context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', '.env', '.env.*']));
    const copiedFromContext = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.flags.from)
      .flatMap((i) => i.args.slice(0, -1));
    const excluded = copiedFromContext.filter((path) =>
      ignored.some((pattern) => path === pattern || path.startsWith(`${pattern}/`)),
    );
    expect(excluded).toEqual([]);
  });

  describe('the runtime files alone (what the image holds)', () => {
    let root: string;
    beforeAll(() => {
      root = materializeLayout(runtimeLayout(stages));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('answer the HEALTHCHECK', async () => {
      const stub = await startHttpStub(200);
      try {
        const run = await runNode(['docker/healthcheck.mjs', 'api-gateway'], {
          cwd: root,
          env: { GATEWAY_PORT: String(stub.port) },
        });
        expect(run).toEqual(expect.objectContaining({ code: 0 }));
        expect(stub.requests).toEqual(['/healthz']);
      } finally {
        await stub.close();
      }
    });

    it('start the all-in-one launcher without sources or a rebuild (Railway)', async () => {
      // Production without ADMIN_TOKEN: the launcher must get past its build check (no apps/,
      // libs/ or tsconfig in the image) and stop at the missing secret, before touching a database.
      const run = await runNode(['scripts/start-suite.mjs'], { cwd: root, env: { NODE_ENV: 'production' } });
      expect(run.stdout).not.toMatch(/building/);
      expect(run.stderr).not.toMatch(/ENOENT/);
      expect(run.stderr).toMatch(/ADMIN_TOKEN is required/);
      expect(run.code).toBe(1);
    });
  });
});
