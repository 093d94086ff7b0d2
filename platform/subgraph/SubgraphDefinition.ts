import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { AgencyName } from '../agencies';
import type { Db } from '../db/createDb';
import type { AgencyFieldPolicy } from '../policy/fieldPolicy';

/** What an agency contributes: its schema and how to make the per-request loaders. */
export interface AgencySubgraph<TLoaders = unknown, TRepositories = unknown> {
  name: AgencyName;
  /** The schema with its field policy applied (see applyFieldPolicy). */
  schema: GraphQLSchema;
  /** How sensitive each field is: the classification the schema's rules were generated from. */
  fieldPolicy: AgencyFieldPolicy;
  repositories: TRepositories;
  createLoaders(): TLoaders;
  /** Plugins of this subgraph's server besides every agency's own (the access log, dataUse). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugins?: ApolloServerPlugin<any>[];
  /**
   * Its queries write nothing but the access log, so a query's single-use token may be decided
   * beside its execution, in the access log's statement (platform/server/startSubgraphServer.ts).
   * Leave it unset for a subgraph with a query that changes anything (a debited budget).
   */
  readOnlyQueries?: boolean;
  /** The largest request body this subgraph reads, when more than the default 1 MiB. */
  maxBodyBytes?: number;
}

/** Builds an agency subgraph over a database connection. */
export type AgencySubgraphFactory = (db: Db) => Promise<AgencySubgraph>;
