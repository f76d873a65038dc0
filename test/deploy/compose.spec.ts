import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { APPS, App, effectivePort, isSchemaVariable } from './support/app-ports';
import { composeValidator, describeErrors } from './support/compose-schema';
import { entryPointProblems } from './support/entry-points';
import { existsInRepo, readRepoFile, readYaml } from './support/repo-files';

interface Healthcheck {
  test?: string[] | string;
  disable?: boolean;
}
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  profiles?: string[];
  ports?: string[];
  volumes?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  stop_grace_period?: string;
  restart?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = readYaml<ComposeFile>('docker-compose.yml');
const services = compose.services;

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(ms|s|m)$/.exec(duration ?? '');
  if (!match) throw new Error(`unexpected duration ${duration}`);
  const n = Number(match[1]);
  return match[2] === 'ms' ? n / 1000 : match[2] === 'm' ? n * 60 : n;
}

/** Compose `${NAME}`, `${NAME:-x}`, `${NAME:?x}` references (`$$` is a literal dollar). */
function referencedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.replace(/\$\$/g, '').matchAll(/\$\{([A-Z0-9_]+)/g)) names.add(match[1]);
  return names;
}

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    const errors = composeValidator()(compose);
    expect(describeErrors(errors)).toBe('');
  });

  it('is checked by a schema that rejects what Compose rejects', () => {
    const broken = structuredClone(compose);
    broken.services['api-gateway'].depends_on = { redis: { condition: 'service_heathy' } };
    (broken.services.redis as Record<string, unknown>).healthcheck = {
      test: ['CMD', 'true'],
      intervall: '5s',
    };
    expect(composeValidator()(broken).length).toBeGreaterThan(0);
  });

  it('starts nothing before what it depends on is healthy, or has run to completion', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        const dependency = services[target];
        if (!dependency) {
          problems.push(`${name} depends on ${target}, which does not exist`);
        } else if (condition === 'service_completed_successfully') {
          if (dependency.restart !== 'no')
            problems.push(`${name} waits for ${target} to complete, but it restarts`);
        } else if (condition !== 'service_healthy') {
          problems.push(`${name} waits for ${target} only to be ${condition}`);
        } else if (!dependency.healthcheck?.test || dependency.healthcheck.disable) {
          problems.push(`${name} waits for ${target} to be healthy, but ${target} has no healthcheck`);
        }
        if (dependency?.profiles?.length && !service.profiles?.length) {
          problems.push(
            `${name} (always on) depends on ${target}, which only runs in profile ${dependency.profiles}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs the four apps from one image, each with a readiness healthcheck on the port it serves', () => {
    const images = new Set(APPS.map((app) => services[app]?.image));
    expect(images.size).toBe(1);
    for (const app of APPS) {
      const service = services[app];
      expect(service).toBeDefined();
      expect(service.build).toBeDefined();
      expect(entryPointProblems(service.command ?? [])).toEqual([]);
      expect(service.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
      expect(service.healthcheck?.test).toEqual(['CMD', 'node', 'docker/healthcheck.mjs', app, '/readyz']);
    }
  });

  it('waits for the migration job before starting any app', () => {
    const migrate = services.migrate;
    expect(migrate.restart).toBe('no');
    expect(entryPointProblems(migrate.command ?? [])).toEqual([]);
    for (const app of APPS) {
      expect(services[app].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
  });

  it('gives the apps only settings the config schema knows, production mode and the required secrets', () => {
    for (const app of [...APPS, 'migrate']) {
      const environment = services[app].environment ?? {};
      expect(Object.keys(environment).filter((name) => !isSchemaVariable(name))).toEqual([]);
      expect(environment.NODE_ENV).toBe('production');
      expect(environment.ADMIN_TOKEN).toMatch(/^\$\{ADMIN_TOKEN:\?/);
      expect(environment.API_KEY_PEPPER).toMatch(/^\$\{API_KEY_PEPPER:\?/);
    }
  });

  it('points each app at the others by service name and real port', () => {
    const environment = services['api-gateway'].environment ?? {};
    const urls: Record<string, App> = {
      ADAPTERS_URL: 'platform-adapters',
      PERSISTENCE_URL: 'persistence',
      MONITOR_URL: 'monitor',
    };
    for (const [variable, app] of Object.entries(urls)) {
      expect(environment[variable]).toBe(`http://${app}:${effectivePort(app, services[app].environment)}`);
    }
  });

  it('runs the apps non-root-safe: read-only root, only /tmp writable, no new privileges, time to drain', () => {
    const graceSeconds = Number(CONFIG_SCHEMA.SHUTDOWN_GRACE_MS.default) / 1000;
    for (const app of [...APPS, 'migrate']) {
      const service = services[app];
      expect(service.read_only).toBe(true);
      expect(service.tmpfs).toEqual(['/tmp']);
      expect(service.cap_drop).toEqual(['ALL']);
      expect(service.security_opt).toContain('no-new-privileges:true');
      const drain = Number(service.environment?.SHUTDOWN_GRACE_MS ?? graceSeconds * 1000) / 1000;
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(drain);
    }
  });

  it('publishes only the gateway (on 8000) and the optional mail UI', () => {
    const published = Object.entries(services)
      .filter(([, service]) => service.ports?.length)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['api-gateway', 'mailpit']);
    const gatewayPort = effectivePort('api-gateway', services['api-gateway'].environment);
    expect(gatewayPort).toBe(8000);
    expect(services['api-gateway'].ports).toEqual([`\${GATEWAY_PUBLISHED_PORT:-8000}:${gatewayPort}`]);
    expect(services.mailpit.profiles).toEqual(['mail']);
  });

  it('runs Redis with AOF appendfsync always and noeviction, on a volume', () => {
    const redis = services.redis;
    expect(redis.command).toEqual(['redis-server', '/usr/local/etc/redis/redis.conf']);
    expect(redis.volumes).toContain('./docker/redis/redis.conf:/usr/local/etc/redis/redis.conf:ro');
    expect(redis.volumes).toContain('redis-data:/data');
    const settings = new Map(
      readRepoFile('docker', 'redis', 'redis.conf')
        .split('\n')
        .filter((line) => line.trim() && !line.trim().startsWith('#'))
        .map((line) => {
          const [key, ...rest] = line.trim().split(/\s+/);
          return [key, rest.join(' ')] as const;
        }),
    );
    expect(settings.get('appendonly')).toBe('yes');
    expect(settings.get('appendfsync')).toBe('always');
    expect(settings.get('maxmemory-policy')).toBe('noeviction');
    // Redis writes to its working directory, which the official image sets to the volume's /data.
    expect(settings.has('dir')).toBe(false);
    expect(compose.volumes).toHaveProperty('redis-data');
  });

  it('stands in for Supabase with the real PostgREST on a second PostgreSQL, under /rest/v1', () => {
    const postgrest = services.postgrest;
    expect(postgrest.image).toMatch(/^postgrest\/postgrest:v\d+/);
    const env = postgrest.environment ?? {};
    expect(env.PGRST_DB_URI).toMatch(/^postgres:\/\/authenticator:.*@backup-db:5432\/karmabot_backup$/);
    expect(env.PGRST_DB_SCHEMAS).toBe('public');
    expect(env.PGRST_DB_ANON_ROLE).toBe('anon');
    expect(env.PGRST_JWT_SECRET).toMatch(/^\$\{SUPABASE_JWT_SECRET:\?/);
    expect(postgrest.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });

    // supabase-js calls <SUPABASE_URL>/rest/v1/rpc/<fn>; the gateway in front strips /rest/v1.
    const appEnv = services.persistence.environment ?? {};
    expect(appEnv.SUPABASE_URL).toBe('http://supabase-api:8000');
    expect(appEnv.BACKUP_DATABASE_URL).toMatch(/@backup-db:5432\/karmabot_backup$/);
    const nginx = readRepoFile('docker', 'supabase-api', 'nginx.conf');
    expect(nginx).toMatch(/listen 8000;/);
    expect(nginx).toMatch(/set \$postgrest_api http:\/\/postgrest:3000;/);
    expect(nginx).toMatch(
      /location \/rest\/v1\/ \{\s*rewrite \^\/rest\/v1\/\(\.\*\)\$ \/\$1 break;\s*proxy_pass \$postgrest_api;/,
    );
    expect(services['supabase-api'].volumes).toContain(
      './docker/supabase-api/nginx.conf:/etc/nginx/conf.d/default.conf:ro',
    );

    // The roles a Supabase project has, so the same migrations and grants run on both.
    expect(services['backup-db'].volumes).toContain(
      './docker/backup-db/initdb:/docker-entrypoint-initdb.d:ro',
    );
    const init = readRepoFile('docker', 'backup-db', 'initdb', '10-supabase-roles.sh');
    for (const role of ['anon', 'authenticated', 'service_role', 'authenticator']) {
      expect(init).toMatch(new RegExp(`CREATE ROLE ${role}\\b`));
    }
    expect(init).toMatch(/CREATE ROLE service_role [^;]*BYPASSRLS/);
  });

  it('takes every secret from .env, and docker/compose.env.example lists every variable it uses', () => {
    const text = readRepoFile('docker-compose.yml');
    const example = new Map(
      readRepoFile('docker', 'compose.env.example')
        .split('\n')
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
    );
    const missing = [...referencedVariables(text)].filter((name) => !example.has(name));
    expect(missing).toEqual([]);
    for (const [name, value] of example) {
      if (/PASSWORD|SECRET|TOKEN|KEY|PEPPER/.test(name) && value)
        expect([name, value]).toEqual([name, expect.stringMatching(/^CHANGE_ME/)]);
    }
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      const image = service.image ?? '';
      if (image.startsWith('${KARMABOT_IMAGE')) continue;
      expect([name, image]).toEqual([name, expect.stringMatching(/^[a-z0-9./-]+:[A-Za-z0-9._-]+$/)]);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('mounts only files that exist', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) expect([volume, existsInRepo(source.slice(2))]).toEqual([volume, true]);
      }
    }
  });
});
