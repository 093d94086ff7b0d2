import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AGENCIES, AGENCY_NAMES } from '../../platform/agencies';
import { repoRoot } from '../../platform/repoRoot';
import { composeProblems } from './composeSchema';
import { configLoaderOf, loadRecordingReads, repoPathOfImageFile } from './serviceEntryPoints';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}

const readCompose = (text: string) =>
  parse(text, { merge: true }) as { services: Record<string, ComposeService> };
const composeText = readFileSync(join(repoRoot(), 'docker-compose.yml'), 'utf8');
const compose = readCompose(composeText);
const services = compose.services;

/** A value as Compose passes it when the variables it names are unset: `${NAME:-default}`. */
const interpolated = (value: string) =>
  value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, (_match, fallback: string) => fallback);

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification', () => {
    expect(composeProblems(compose)).toEqual([]);
  });

  it('would be refused with a mistyped key, an unknown condition or a variable that is no scalar', () => {
    const broken = readCompose(
      composeText
        .replace('    healthcheck:\n      test:', '    healthchek:\n      test:')
        .replace('condition: service_completed_successfully', 'condition: service_done'),
    );
    (broken.services.gateway!.environment as Record<string, unknown>).GATEWAY_PORT = { port: 4000 };
    const problems = composeProblems(broken).join('\n');
    expect(problems).toMatch(/must NOT have additional properties .*"healthchek"/);
    expect(problems).toMatch(
      /depends_on\/migrate\/condition must be equal to one of the allowed values/,
    );
    expect(problems).toMatch(
      /\/services\/gateway\/environment\/GATEWAY_PORT must be string,number,boolean,null/,
    );
  });

  it.each(AGENCY_NAMES)(
    'runs the %s subgraph on its port, healthy when /readyz answers',
    (agency) => {
      const service = services[agency]!;
      expect(service.command).toEqual(['node', `dist/subgraphs/${agency}/main.js`]);
      expect(service.environment?.PORT).toBe(String(AGENCIES[agency].defaultPort));
      expect(service.healthcheck?.test.join(' ')).toContain("process.env.PORT + '/readyz'");
      expect(service.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
      });
    },
  );

  it('has the gateway call every subgraph at its service and port, once each is healthy', () => {
    const gateway = services.gateway!;
    expect(gateway.command).toEqual(['node', 'dist/gateway/main.js']);
    for (const agency of AGENCY_NAMES) {
      expect(gateway.environment?.[`SUBGRAPH_URL_${agency.toUpperCase()}`]).toBe(
        `http://${agency}:${AGENCIES[agency].defaultPort}/graphql`,
      );
      expect(gateway.depends_on?.[agency]).toEqual({ condition: 'service_healthy' });
    }
    expect(gateway.healthcheck?.test.join(' ')).toContain('/readyz');
    expect(gateway.ports).toEqual([`${gateway.environment?.GATEWAY_PORT}:4000`]);
  });

  it('runs no service of ours the registry does not know', () => {
    const ours = Object.entries(services).filter(([, s]) => s.image === 'govgraph');
    expect(ours.map(([name]) => name).sort()).toEqual(
      [...AGENCY_NAMES, 'gateway', 'migrate'].sort(),
    );
  });

  it.each(Object.keys(services).filter((name) => services[name]!.image === 'govgraph'))(
    'gives %s an environment its start-up validation accepts, every variable one it reads',
    (name) => {
      const service = services[name]!;
      // Paths are those of the image, which the Dockerfile fills from this repository.
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([variable, value]) => [
          variable,
          String(value).startsWith('/app/')
            ? repoPathOfImageFile(String(value))
            : interpolated(String(value)),
        ]),
      );
      const { read, error } = loadRecordingReads(configLoaderOf(service.command ?? []), env);
      expect(String(error ?? 'ok')).toBe('ok');
      expect(Object.keys(env).filter((variable) => !read.has(variable))).toEqual([]);
    },
  );
});
