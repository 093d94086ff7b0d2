import type { AgencyNaming } from '../agencyNaming';

/** The subgraph factory: schema, field policy, repositories and per-request loaders. */
export function indexFile(n: AgencyNaming): string {
  return `import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { ${n.name}AccessLog } from './accessLog/accessLog';
import { create${n.pascal}Loaders, type ${n.pascal}Loaders } from './loaders';
import { resolveRecordReference } from './record/record.reference';
import { ${n.entity}Resolver } from './record/record.resolver';
import { create${n.pascal}Repositories, type ${n.pascal}Repositories } from './repositories';
import { ${n.name}Policy } from './policy';

/** The ${n.title}: its register of records. */
export async function create${n.pascal}Subgraph(
  db: Db,
): Promise<AgencySubgraph<${n.pascal}Loaders, ${n.pascal}Repositories>> {
  const repositories = create${n.pascal}Repositories(db);
  const schema = await build${n.pascal}Schema();
  return {
    name: '${n.name}',
    schema: applyFieldPolicy(schema, ${n.name}Policy),
    fieldPolicy: ${n.name}Policy,
    // Remove if a query comes to change anything: its token must then be decided before it runs.
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...create${n.pascal}Loaders(repositories),
      ...${n.name}AccessLog.createLoaders(db),
    }),
  };
}

/** The ${n.name} subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function build${n.pascal}Schema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [${n.entity}Resolver, ...${n.name}AccessLog.resolvers],
    orphanedTypes: [...${n.name}AccessLog.orphanedTypes],
    referenceResolvers: {
      ${n.entity}: resolveRecordReference,
      ...${n.name}AccessLog.referenceResolvers,
    },
  });
}
`;
}

export function mainFile(n: AgencyNaming): string {
  return `import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { create${n.pascal}Subgraph } from './index';

runAgencyMain('${n.name}', create${n.pascal}Subgraph);
`;
}

export function contextFile(n: AgencyNaming): string {
  return `import type { RequestContext } from '../../platform/context/RequestContext';
import type { ${n.pascal}Loaders } from './loaders';
import type { ${n.pascal}Repositories } from './repositories';

export type ${n.pascal}Context = RequestContext<${n.pascal}Loaders, ${n.pascal}Repositories>;
`;
}

export function loadersFile(n: AgencyNaming): string {
  return `import { recordLoader } from '../../platform/loaders/loaders';
import type { ${n.pascal}Repositories } from './repositories';

/** The ${n.title}'s per-request loaders: one SQL statement per field and level. */
export function create${n.pascal}Loaders(repositories: ${n.pascal}Repositories) {
  const { records } = repositories;
  return {
    recordByReference: recordLoader(
      (references: readonly string[]) => records.findByReferences(references),
      (record) => record.reference,
    ),
  };
}

export type ${n.pascal}Loaders = ReturnType<typeof create${n.pascal}Loaders>;
`;
}

export function repositoriesFile(n: AgencyNaming): string {
  return `import type { Db } from '../../platform/db/createDb';
import { RecordRepository } from './record/record.repository';

/** Every repository of the ${n.title}, made once per process. */
export function create${n.pascal}Repositories(db: Db) {
  return {
    records: new RecordRepository(db),
  };
}

export type ${n.pascal}Repositories = ReturnType<typeof create${n.pascal}Repositories>;
`;
}

/** The classification: the register's reference and title are open data, its dates personal. */
export function policyFile(n: AgencyNaming): string {
  return `import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the ${n.title} is. */
export const ${n.name}Policy = defineFieldPolicy('${n.name}', {
  Query: { subject: 'none', fields: { ${n.listField}: 'public' } },
  ${n.entity}Connection: { subject: 'none', fields: { nodes: 'public', pageInfo: 'public' } },
  PageInfo: { subject: 'none', fields: { endCursor: 'public', hasNextPage: 'public' } },
  ${n.entity}: {
    subject: { property: 'holderId' },
    fields: {
      id: joinKey,
      reference: 'public',
      title: 'public',
      // When the record was issued to its holder is about the holder.
      issuedOn: 'personal',
    },
  },
  ...accessLogTypes('${n.name}'),
});
`;
}

export function accessLogFile(n: AgencyNaming): string {
  return `import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The ${n.title}'s part of every person's data tracker and of oversight searches. */
export const ${n.name}AccessLog = agencyAccessLog('${n.name}');
`;
}
