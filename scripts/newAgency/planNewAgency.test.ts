import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AGENCIES } from '../../platform/agencies';
import { repoRoot } from '../../platform/repoRoot';
import { newAccessLogKeyFiles } from './accessLogKeys';
import { agencyNaming } from './agencyNaming';
import { demoGatewayTokenKeyFile } from './demoGatewayTokenKey';
import { NewAgencyError } from './NewAgencyError';
import { planNewAgency } from './planNewAgency';

// From the registry, so that the plan's edits are checked in a copy that holds another new agency.
const registered = Object.values(AGENCIES);
const registryPorts = registered.map((agency) => agency.defaultPort);
const metricsPorts = [9464, ...registered.map((agency) => agency.metricsPort)];
/** The ports of the agency last in the registry: the lists the plan edits end with them. */
const LAST = registered[registered.length - 1]!;
const PORT = Math.max(4100, ...registryPorts.map((port) => port + 1));
const METRICS_PORT = Math.max(...metricsPorts) + 1;

const naming = agencyNaming('permits', 'Permit Office', PORT, METRICS_PORT);
const keys = newAccessLogKeyFiles('permits');
const gatewayTokenKey = demoGatewayTokenKeyFile(repoRoot(), 'permits');
const plan = planNewAgency(naming, {
  day: '20261202',
  keys,
  gatewayTokenKey,
  registryPorts,
  metricsPorts,
});

/** A file of the repository as the plan's edit would leave it. */
function edited(file: string): string {
  const edit = plan.edits.find((candidate) => candidate.file === file);
  if (!edit) throw new Error(`the plan does not edit ${file}`);
  return edit.apply(readFileSync(path.join(repoRoot(), file), 'utf8'));
}

describe('the plan of a new agency', () => {
  it('creates only files of the new agency, each once', () => {
    const files = plan.creates.map(({ file }) => file);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) expect(file).toMatch(/permits/);
  });

  it('enters the agency in the registry, the subgraph registry and the policy registry', () => {
    expect(edited('platform/agencies.ts')).toContain(
      `  permits: { title: 'Permit Office', defaultPort: ${PORT}, metricsPort: ${METRICS_PORT} },\n} as const;`,
    );
    const registry = edited('subgraphs/registry.ts');
    expect(registry).toContain("import { createPermitsSubgraph } from './permits/index';");
    expect(registry).toMatch(/ {2}permits: createPermitsSubgraph,\n};/);
    expect(edited('subgraphs/policies.ts')).toMatch(/ {2}permits: permitsPolicy,\n};/);
  });

  it('runs it in docker-compose and has the gateway call it once it is healthy', () => {
    const compose = edited('docker-compose.yml');
    expect(compose).toContain(
      "  permits:\n    <<: *subgraph\n    command: ['node', 'dist/subgraphs/permits/main.js']",
    );
    expect(compose).toContain(`      SUBGRAPH_URL_PERMITS: http://permits:${PORT}/graphql\n`);
    expect(compose).toContain(`      PORT: '${PORT}'\n      METRICS_PORT: '${METRICS_PORT}'\n`);
    expect(compose).toMatch(/ {6}permits:\n {8}condition: service_healthy\n\nvolumes:/);
  });

  it('opens its port in both lists of subgraph ports of the network policies, and its metrics port to Prometheus', () => {
    const policies = edited('deploy/kubernetes/base/network-policy.yaml');
    const follows = (last: number, port: number) =>
      policies.match(new RegExp(`- port: ${last}\\n\\s+- port: ${port}\\n`, 'g'));
    expect(follows(LAST.defaultPort, PORT)).toHaveLength(2);
    expect(follows(LAST.metricsPort, METRICS_PORT)).toHaveLength(1);
  });

  it("puts its access-log key in the demo overlay's Secrets byte for byte", () => {
    const secrets = edited('deploy/kubernetes/overlays/demo/secrets.yaml');
    const indented = keys.privateJwk
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    expect(secrets).toContain(`  name: govgraph-access-log-permits\n`);
    expect(secrets).toContain(`  private.jwk.json: |\n${indented}\n---\n`);
    expect(secrets).toContain('  name: govgraph-database-permits\n');
  });

  it('stops with a clear error when a file no longer has the place it edits', () => {
    const edit = plan.edits.find(({ file }) => file === 'platform/agencies.ts')!;
    expect(() => edit.apply('export const AGENCIES = {};\n')).toThrow(NewAgencyError);
    expect(() => edit.apply('export const AGENCIES = {};\n')).toThrow(
      /platform\/agencies.ts no longer has the line the generator edits/,
    );
  });
});
