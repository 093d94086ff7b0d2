import type { GraphQLSchema } from 'graphql';
import type { AgencyName } from '../agencies';
import type { Db } from '../db/createDb';

/** What an agency contributes: its schema and how to make the per-request loaders. */
export interface AgencySubgraph<TLoaders = unknown, TRepositories = unknown> {
  name: AgencyName;
  schema: GraphQLSchema;
  repositories: TRepositories;
  createLoaders(): TLoaders;
}

/** Builds an agency subgraph over a database connection. */
export type AgencySubgraphFactory = (db: Db) => Promise<AgencySubgraph>;
