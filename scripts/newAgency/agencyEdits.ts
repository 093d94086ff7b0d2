import type { AgencyNaming } from './agencyNaming';
import { type FileEdit, insertAfterLastLine, insertBefore, replaceOnce } from './textEdits';

/** Until the agency has an organisation of its own, the register's administrator controls its data. */
export const INTERIM_DATA_CONTROLLER = 'information-system-authority';

/**
 * The edits that put a new agency in the registry and everywhere services are started: the
 * agency list, the subgraph and policy registries, the benchmark's bare schemas, its data
 * controller, docker-compose, the Kubernetes base and demo overlay, and the deploy guide.
 */
export function agencyEdits(n: AgencyNaming): FileEdit[] {
  return [
    {
      file: 'platform/agencies.ts',
      apply: (text) =>
        insertBefore(
          'platform/agencies.ts',
          text,
          '} as const;',
          `  ${n.name}: { title: '${n.title}', defaultPort: ${n.port}, metricsPort: ${n.metricsPort} },\n`,
        ),
    },
    registryEdit(
      'subgraphs/registry.ts',
      `import { create${n.pascal}Subgraph } from './${n.name}/index';\n`,
      `  ${n.name}: create${n.pascal}Subgraph,\n`,
    ),
    registryEdit(
      'subgraphs/policies.ts',
      `import { ${n.name}Policy } from './${n.name}/policy';\n`,
      `  ${n.name}: ${n.name}Policy,\n`,
    ),
    registryEdit(
      'scripts/bench/bareSchemas.ts',
      `import { build${n.pascal}Schema } from '../../subgraphs/${n.name}/index';\n`,
      `  ${n.name}: build${n.pascal}Schema,\n`,
    ),
    {
      file: 'demo/governance.ts',
      apply: (text) =>
        insertBefore(
          'demo/governance.ts',
          text,
          '};',
          `  ${n.name}: '${INTERIM_DATA_CONTROLLER}',\n`,
          'export const DATA_CONTROLLERS',
        ),
    },
    { file: 'docker-compose.yml', apply: (text) => dockerComposeEdit(n, text) },
    {
      file: 'deploy/kubernetes/base/kustomization.yaml',
      apply: (text) =>
        insertAfterLastLine(
          'deploy/kubernetes/base/kustomization.yaml',
          text,
          '  - subgraphs/',
          `  - subgraphs/${n.name}.yaml\n`,
        ),
    },
    {
      file: 'deploy/kubernetes/base/gateway.yaml',
      apply: (text) =>
        insertBefore(
          'deploy/kubernetes/base/gateway.yaml',
          text,
          '            - name: GATEWAY_TOKEN_SECRET_FILE',
          `            - name: ${n.urlVariable}\n              value: http://${n.name}:${n.port}/graphql\n`,
        ),
    },
    {
      file: 'deploy/kubernetes/overlays/demo/kustomization.yaml',
      apply: (text) =>
        insertAfterLastLine(
          'deploy/kubernetes/overlays/demo/kustomization.yaml',
          text,
          '    count: ',
          `  - name: ${n.name}\n    count: 1\n`,
        ),
    },
    {
      file: 'README.md',
      apply: (text) => {
        // The deploy guide's loop that creates each agency's secrets.
        const loop = /^for agency in ([a-z0-9 ]+); do$/m.exec(text)?.[0] ?? 'for agency in … do';
        return replaceOnce('README.md', text, loop, loop.replace('; do', ` ${n.name}; do`));
      },
    },
  ];
}

/** Adds an import after a registry's last import and an entry before the end of its object. */
function registryEdit(file: string, importLine: string, entry: string): FileEdit {
  return {
    file,
    apply: (text) =>
      insertBefore(
        file,
        insertAfterLastLine(file, text, 'import { ', importLine),
        '};',
        entry,
        '= {',
      ),
  };
}

function dockerComposeEdit(n: AgencyNaming, text: string): string {
  const file = 'docker-compose.yml';
  const service =
    `  ${n.name}:\n` +
    `    <<: *subgraph\n` +
    `    command: ['node', 'dist/subgraphs/${n.name}/main.js']\n` +
    `    environment:\n` +
    `      <<: *subgraph-env\n` +
    `      PORT: '${n.port}'\n` +
    `      METRICS_PORT: '${n.metricsPort}'\n` +
    `      GATEWAY_TOKEN_KEY_FILE: /app/demo/keys/gateway-token-${n.name}.jwk.json\n` +
    `      ACCESS_LOG_SIGNING_KEY_FILE: /app/demo/keys/access-log-${n.name}.private.jwk.json\n\n`;
  let edited = insertBefore(file, text, '  gateway:\n', service);
  edited = insertAfterLastLine(
    file,
    edited,
    '      SUBGRAPH_URL_',
    `      ${n.urlVariable}: http://${n.name}:${n.port}/graphql\n`,
  );
  return insertBefore(
    file,
    edited,
    '\nvolumes:',
    `      ${n.name}:\n        condition: service_healthy\n`,
  );
}
