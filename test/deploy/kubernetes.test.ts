import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCIES, AGENCY_NAMES } from '../../platform/agencies';
import { repoRoot } from '../../platform/repoRoot';
import { DEFAULT_METRICS_PORT } from '../../gateway/config';
import { schemaProblems } from './kubernetesSchemas';
import { type Container, type KubernetesObject, podSpecOf, renderKustomization } from './kustomize';
import { allows, type Endpoint } from './networkPolicies';
import { dataOf, podEnvironment } from './podEnvironment';
import { configLoaderOf, loadRecordingReads } from './serviceEntryPoints';
import {
  PRODUCTION_OPERATOR_OBJECTS,
  productionOperatorObjects,
} from './productionOperatorObjects';

const KUBERNETES = join(repoRoot(), 'deploy', 'kubernetes');
const OVERLAYS = ['demo', 'production'] as const;
type Overlay = (typeof OVERLAYS)[number];

const rendered: Record<Overlay, KubernetesObject[]> = {
  demo: renderKustomization(join(KUBERNETES, 'overlays', 'demo')),
  production: renderKustomization(join(KUBERNETES, 'overlays', 'production')),
};

const find = (objects: KubernetesObject[], kind: string, name: string) => {
  const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name}`);
  return object;
};
const podOf = (objects: KubernetesObject[], kind: string, name: string) =>
  podSpecOf(find(objects, kind, name))!;
const mainContainer = (objects: KubernetesObject[], kind: string, name: string) =>
  podOf(objects, kind, name).containers[0]!;
const labelsOf = (objects: KubernetesObject[], kind: string, name: string) =>
  (find(objects, kind, name).spec as { template: { metadata: { labels: Record<string, string> } } })
    .template.metadata.labels;

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = rendered[overlay];

  it('renders objects that the Kubernetes schemas accept', () => {
    expect(objects.length).toBeGreaterThan(20);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('puts every object in its namespace and runs the built image everywhere', () => {
    const namespace = overlay === 'demo' ? 'govgraph-demo' : 'govgraph';
    for (const object of objects.filter((o) => o.kind !== 'Namespace'))
      expect(`${object.kind}/${object.metadata.name} in ${object.metadata.namespace}`).toBe(
        `${object.kind}/${object.metadata.name} in ${namespace}`,
      );
    const images = objects.flatMap((o) => {
      const pod = podSpecOf(o);
      return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]
        .filter((c) => c.command?.[0] === 'node')
        .map((c) => c.image);
    });
    expect(new Set(images)).toEqual(
      new Set([overlay === 'demo' ? 'govgraph:dev' : 'registry.example.gov/govgraph:0.1.0']),
    );
  });

  it.each(AGENCY_NAMES)(
    'runs the %s subgraph on its port, probed on its health routes',
    (agency) => {
      const port = AGENCIES[agency].defaultPort;
      const container = mainContainer(objects, 'Deployment', agency);
      expect(container.command).toEqual(['node', `dist/subgraphs/${agency}/main.js`]);
      expect(container.ports).toEqual([
        { name: 'http', containerPort: port },
        { name: 'metrics', containerPort: AGENCIES[agency].metricsPort },
      ]);
      expectScraped(objects, 'Deployment', agency, container, AGENCIES[agency].metricsPort);
      expectProbes(container);
      expect(container.resources).toMatchObject({
        requests: { cpu: expect.any(String), memory: expect.any(String) },
      });
      expect(find(objects, 'Service', agency).spec).toMatchObject({
        ports: [{ port, targetPort: 'http' }],
        selector: labelsSelectedBy(find(objects, 'Deployment', agency)),
      });
      expect(find(objects, 'PodDisruptionBudget', agency).spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: labelsSelectedBy(find(objects, 'Deployment', agency)) },
      });
      const replicas = (find(objects, 'Deployment', agency).spec as { replicas: number }).replicas;
      expect(replicas).toBe(overlay === 'demo' ? 1 : 2);
    },
  );

  it('starts each subgraph only once the migration job has migrated its schema', () => {
    const job = mainContainer(objects, 'Job', 'migrate');
    expect(job.command?.slice(0, 2)).toEqual(['node', 'dist/scripts/migrate.js']);
    expect(job.command?.includes('--seed-if-empty')).toBe(overlay === 'demo');
    for (const agency of AGENCY_NAMES) {
      const [wait, ...more] = podOf(objects, 'Deployment', agency).initContainers ?? [];
      expect(more).toEqual([]);
      expect(wait?.command).toEqual(['node', 'dist/scripts/awaitMigrations.js', agency]);
      expect(wait?.env).toEqual(
        mainContainer(objects, 'Deployment', agency).env?.filter((v) => v.name === 'DATABASE_URL'),
      );
    }
  });

  it('runs the gateway behind an autoscaler, calling each subgraph at its service', () => {
    const container = mainContainer(objects, 'Deployment', 'gateway');
    expect(container.command).toEqual(['node', 'dist/gateway/main.js']);
    expect(container.ports).toEqual([
      { name: 'http', containerPort: 4000 },
      { name: 'metrics', containerPort: DEFAULT_METRICS_PORT },
    ]);
    expectScraped(objects, 'Deployment', 'gateway', container, DEFAULT_METRICS_PORT);
    expectProbes(container);
    expect(container.resources).toMatchObject({ requests: { cpu: expect.any(String) } });
    const env = Object.fromEntries((container.env ?? []).map((v) => [v.name, v.value]));
    for (const agency of AGENCY_NAMES)
      expect(env[`SUBGRAPH_URL_${agency.toUpperCase()}`]).toBe(
        `http://${agency}:${AGENCIES[agency].defaultPort}/graphql`,
      );
    expect(env.GOVGRAPH_PROFILE).toBe('production');
    const deployment = find(objects, 'Deployment', 'gateway');
    expect((deployment.spec as { replicas?: number }).replicas).toBeUndefined();
    expect(find(objects, 'HorizontalPodAutoscaler', 'gateway').spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
      minReplicas: 2,
    });
  });

  it('hands keys to the services only as files of mounted Secrets, read-only to their owner', () => {
    for (const object of objects) {
      const pod = podSpecOf(object);
      if (!pod) continue;
      expect(`${object.metadata.name}: ${String(pod.automountServiceAccountToken)}`).toBe(
        `${object.metadata.name}: false`,
      );
      for (const volume of pod.volumes ?? [])
        if (volume.secret)
          expect((volume.secret as { defaultMode?: number }).defaultMode).toBe(0o440);
      for (const container of pod.containers.filter((c) => c.command?.[0] === 'node'))
        for (const variable of container.env ?? [])
          if (/KEY/.test(variable.name))
            expect(variable.value ?? variable.valueFrom?.secretKeyRef?.name).toMatch(
              /^(\/etc\/govgraph\/[a-z-]+-key\/[a-z.]+\.json|govgraph-page-cursor-key)$/,
            );
    }
    // Each agency's own keys are mounted by its Deployment alone, the gateway's secret by the gateway's.
    const mountedBy = (secretName: string) =>
      objects
        .filter((o) =>
          (podSpecOf(o)?.volumes ?? []).some((v) => v.secret?.secretName === secretName),
        )
        .map((o) => o.metadata.name);
    for (const agency of AGENCY_NAMES) {
      expect(mountedBy(`govgraph-access-log-${agency}`)).toEqual([agency]);
      expect(mountedBy(`govgraph-gateway-token-${agency}`)).toEqual([agency]);
    }
    expect(mountedBy('govgraph-gateway-token-secret')).toEqual(['gateway']);
  });

  it('gives every service an environment its own start-up validation accepts and reads in full', () => {
    const workdir = mkdtempSync(join(tmpdir(), `govgraph-${overlay}-`));
    try {
      const withOperatorObjects =
        overlay === 'production' ? [...objects, ...productionOperatorObjects()] : objects;
      const checked: string[] = [];
      for (const object of objects) {
        const pod = podSpecOf(object);
        for (const container of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
          if (container.command?.[0] !== 'node') continue;
          const env = podEnvironment(
            container,
            pod!,
            withOperatorObjects,
            join(workdir, object.metadata.name),
          );
          const { read, error } = loadRecordingReads(configLoaderOf(container.command), env);
          expect(`${object.metadata.name}/${container.name}: ${String(error ?? 'ok')}`).toBe(
            `${object.metadata.name}/${container.name}: ok`,
          );
          const ignored = Object.keys(env).filter((name) => !read.has(name));
          expect(
            `${object.metadata.name}/${container.name} sets ${ignored.join(', ') || 'nothing'} unread`,
          ).toBe(`${object.metadata.name}/${container.name} sets nothing unread`);
          checked.push(container.command[1]!);
        }
      }
      expect(new Set(checked)).toEqual(
        new Set([
          'dist/gateway/main.js',
          'dist/scripts/migrate.js',
          'dist/scripts/awaitMigrations.js',
          ...AGENCY_NAMES.map((agency) => `dist/subgraphs/${agency}/main.js`),
        ]),
      );
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  it('turns off service links, whose variables (GATEWAY_PORT=tcp://…) would collide with ours', () => {
    for (const object of objects.filter((o) => podSpecOf(o)))
      expect(`${object.metadata.name}: ${String(podSpecOf(object)!.enableServiceLinks)}`).toBe(
        `${object.metadata.name}: false`,
      );
  });

  describe('network policies', () => {
    const pod = (name: string, kind = 'Deployment'): Endpoint => ({
      pod: labelsOf(objects, kind, name),
    });
    const gateway = pod('gateway');
    const migration = pod('migrate', 'Job');

    it.each(AGENCY_NAMES)('let only the gateway reach the %s subgraph', (agency) => {
      const port = AGENCIES[agency].defaultPort;
      expect(allows(objects, gateway, pod(agency), port)).toBe(true);
      const others: Endpoint[] = [
        ...AGENCY_NAMES.map((other) => pod(other)),
        migration,
        { pod: { app: 'anything-else' } },
        { address: '203.0.113.9' },
      ];
      for (const other of others) expect(allows(objects, other, pod(agency), port)).toBe(false);
    });

    it('let clients reach the gateway, and the gateway nothing of the database', () => {
      expect(allows(objects, { address: '203.0.113.9' }, gateway, 4000)).toBe(true);
      expect(allows(objects, { address: '203.0.113.9' }, gateway, 4001)).toBe(false);
      const database: Endpoint =
        overlay === 'demo' ? pod('postgres', 'StatefulSet') : { address: '192.0.2.10' };
      expect(allows(objects, gateway, database, 5432)).toBe(false);
      for (const agency of AGENCY_NAMES)
        expect(allows(objects, pod(agency), database, 5432)).toBe(true);
      expect(allows(objects, migration, database, 5432)).toBe(true);
    });

    it('would be caught opening a subgraph to more than the gateway', () => {
      const opened = (ingress: object[]) =>
        objects.map((object) =>
          object.kind === 'NetworkPolicy' && object.metadata.name === 'subgraphs-from-gateway'
            ? { ...object, spec: { ...(object.spec as object), ingress } }
            : object,
        );
      const port = AGENCIES.tax.defaultPort;
      const outside: Endpoint = { address: '203.0.113.9' };
      expect(allows(objects, outside, pod('tax'), port)).toBe(false);
      expect(
        allows(opened([{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }]), outside, pod('tax'), port),
      ).toBe(true);
      expect(allows(opened([{}]), outside, pod('tax'), port)).toBe(true);
    });

    it('let the gateway alone reach Redis', () => {
      const redis: Endpoint = overlay === 'demo' ? pod('redis') : { address: '198.51.100.7' };
      expect(allows(objects, gateway, redis, 6379)).toBe(true);
      for (const agency of AGENCY_NAMES)
        expect(allows(objects, pod(agency), redis, 6379)).toBe(false);
    });
  });
});

describe('the demo overlay', () => {
  const objects = rendered.demo;

  it('holds the demo keys and role grants byte for byte', () => {
    const demoFile = (path: string) => readFileSync(join(repoRoot(), 'demo', path), 'utf8');
    const secret = (name: string, key: string) => dataOf(objects, 'Secret', name, 'test')[key];
    expect(secret('govgraph-gateway-token-secret', 'secret.jwk.json')).toBe(
      demoFile('keys/gateway-token.secret.jwk.json'),
    );
    expect(secret('govgraph-identity-provider', 'jwks.json')).toBe(
      demoFile('keys/demo-idp.jwks.json'),
    );
    for (const agency of AGENCY_NAMES) {
      expect(secret(`govgraph-access-log-${agency}`, 'private.jwk.json')).toBe(
        demoFile(`keys/access-log-${agency}.private.jwk.json`),
      );
      expect(secret(`govgraph-gateway-token-${agency}`, 'key.jwk.json')).toBe(
        demoFile(`keys/gateway-token-${agency}.jwk.json`),
      );
    }
    expect(secret('govgraph-statistics-pseudonym', 'secret.txt')).toBe(
      demoFile('keys/statistics-pseudonym.secret'),
    );
    expect(dataOf(objects, 'ConfigMap', 'govgraph-role-grants', 'test')['roles.json']).toBe(
      demoFile('roles.json'),
    );
  });
});

describe('the production overlay', () => {
  const objects = rendered.production;

  it("opens the way to the tracing collector's namespace on 4318 alone, to nothing else", () => {
    const collector = objects.find(
      (o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'collector-egress',
    );
    expect(collector?.spec).toMatchObject({
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: expect.any(Object) } }],
          ports: [{ port: 4318 }],
        },
      ],
    });
    const pods = ['gateway', ...AGENCY_NAMES].map((name) => ({
      pod: labelsOf(objects, 'Deployment', name),
    }));
    for (const pod of pods) {
      expect(allows(objects, pod, { address: '203.0.113.9' }, 4318)).toBe(false);
      for (const other of pods) expect(allows(objects, pod, other, 4318)).toBe(false);
    }
  });

  it('commits no Secret, and needs exactly the objects the deploy guide tells the operator to create', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const present = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
    const referenced = new Set(
      objects.flatMap((o) => {
        const pod = podSpecOf(o);
        if (!pod) return [];
        const containers = [...pod.containers, ...(pod.initContainers ?? [])];
        return [
          ...(pod.volumes ?? []).flatMap((v) =>
            v.secret && !v.secret.optional
              ? [`Secret/${v.secret.secretName}`]
              : v.configMap
                ? [`ConfigMap/${v.configMap.name}`]
                : [],
          ),
          ...containers.flatMap((c) => [
            ...(c.envFrom ?? []).map((e) => `ConfigMap/${e.configMapRef?.name}`),
            ...(c.env ?? []).flatMap((v) =>
              v.valueFrom?.secretKeyRef ? [`Secret/${v.valueFrom.secretKeyRef.name}`] : [],
            ),
          ]),
        ];
      }),
    );
    const missing = [...referenced].filter((name) => !present.has(name)).sort();
    expect(missing).toEqual([...PRODUCTION_OPERATOR_OBJECTS].sort());
    const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
    const guide = readme.slice(readme.indexOf('## Deploying govgraph'));
    for (const name of PRODUCTION_OPERATOR_OBJECTS) {
      const [, objectName = ''] = name.split('/');
      const generic = objectName.replace(new RegExp(`-(${AGENCY_NAMES.join('|')})$`), '-<agency>');
      expect(`${name}: ${guide.includes(objectName) || guide.includes(generic)}`).toBe(
        `${name}: true`,
      );
    }
  });
});

/** Prometheus is told where to scrape, and the container is told to serve there. */
function expectScraped(
  objects: KubernetesObject[],
  kind: string,
  name: string,
  container: Container,
  port: number,
): void {
  const template = (
    find(objects, kind, name).spec as {
      template: { metadata: { annotations?: Record<string, string> } };
    }
  ).template;
  expect(template.metadata.annotations).toMatchObject({
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(port),
    'prometheus.io/path': '/metrics',
  });
  const env = Object.fromEntries((container.env ?? []).map((v) => [v.name, v.value]));
  expect(env).toMatchObject({ METRICS_HOST: '0.0.0.0', METRICS_PORT: String(port) });
}

function expectProbes(container: Container): void {
  expect(container).toMatchObject({
    startupProbe: { httpGet: { path: '/healthz', port: 'http' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
  });
}

function labelsSelectedBy(deployment: KubernetesObject): Record<string, string> {
  return (deployment.spec as { selector: { matchLabels: Record<string, string> } }).selector
    .matchLabels;
}
