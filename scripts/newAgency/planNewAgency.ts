import type { AccessLogKeyFiles } from './accessLogKeys';
import { agencyEdits } from './agencyEdits';
import type { AgencyNaming } from './agencyNaming';
import { demoSecretsEdit } from './demoSecretsEdit';
import { networkPolicyEdit } from './networkPolicyEdit';
import type { FileEdit } from './textEdits';
import {
  accessLogFile,
  contextFile,
  indexFile,
  loadersFile,
  mainFile,
  policyFile,
  repositoriesFile,
} from './templates/agencyTemplates';
import {
  entityConnectionFile,
  entityReferenceFile,
  entityRepositoryFile,
  entityResolverFile,
  entityTypeFile,
} from './templates/entityTemplates';
import { kubernetesSubgraphFile } from './templates/kubernetesTemplates';
import { migrationFiles } from './templates/migrationTemplates';
import { integrationTestFile } from './templates/testTemplates';

/** A file the generator creates, relative to the repository's root. */
export interface NewFile {
  file: string;
  text: string;
}

export interface NewAgencyPlan {
  creates: NewFile[];
  edits: FileEdit[];
}

/** Everything a new agency needs, as files to create and edits of files the repository has. */
export function planNewAgency(
  n: AgencyNaming,
  options: {
    day: string;
    keys: AccessLogKeyFiles;
    /** Its key for the gateway's tokens, as `demo/keys/gateway-token-<agency>.jwk.json` holds it. */
    gatewayTokenKey: string;
    registryPorts: readonly number[];
    /** The gateway's and every agency's metrics port. */
    metricsPorts: readonly number[];
  },
): NewAgencyPlan {
  const subgraph = (file: string, text: string) => ({ file: `subgraphs/${n.name}/${file}`, text });
  return {
    creates: [
      subgraph('index.ts', indexFile(n)),
      subgraph('main.ts', mainFile(n)),
      subgraph('context.ts', contextFile(n)),
      subgraph('loaders.ts', loadersFile(n)),
      subgraph('repositories.ts', repositoriesFile(n)),
      subgraph('policy.ts', policyFile(n)),
      subgraph('accessLog/accessLog.ts', accessLogFile(n)),
      subgraph('record/record.type.ts', entityTypeFile(n)),
      subgraph('record/record.connection.ts', entityConnectionFile(n)),
      subgraph('record/record.repository.ts', entityRepositoryFile(n)),
      subgraph('record/record.resolver.ts', entityResolverFile(n)),
      subgraph('record/record.reference.ts', entityReferenceFile(n)),
      subgraph(`${n.name}.int.test.ts`, integrationTestFile(n)),
      ...Object.entries(migrationFiles(n, options.day)).map(([file, text]) => ({
        file: `migrations/${n.name}/${file}`,
        text,
      })),
      { file: `demo/keys/access-log-${n.name}.private.jwk.json`, text: options.keys.privateJwk },
      { file: `demo/keys/access-log-${n.name}.jwks.json`, text: options.keys.publicJwks },
      { file: `demo/keys/gateway-token-${n.name}.jwk.json`, text: options.gatewayTokenKey },
      { file: `deploy/kubernetes/base/subgraphs/${n.name}.yaml`, text: kubernetesSubgraphFile(n) },
    ],
    edits: [
      ...agencyEdits(n),
      demoSecretsEdit(n, options.keys.privateJwk, options.gatewayTokenKey),
      networkPolicyEdit(n, options.registryPorts, options.metricsPorts),
    ],
  };
}
