import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** The population test subgraph: owns `Thing` and its root fields. */
export const POPULATION_SDL = `${LINK}
type Query {
  thing(id: ID!): Thing
  "Answers after the given delay: a request still in progress."
  slow(ms: Int!): String
}
type Thing @key(fields: "id") {
  id: ID!
  name: String!
  "Always denied: a deliberate client error."
  secret: String
  "Always fails: an internal error that must not reach a client."
  fragile: String
}`;

/** The tax test subgraph: extends `Thing`. `taxClass` is left out of the first supergraph. */
export const TAX_SDL = `${LINK}
type Thing @key(fields: "id") {
  id: ID!
  taxNumber: String!
  taxClass: String
}`;

export const TAX_SDL_WITHOUT_TAX_CLASS = TAX_SDL.replace('  taxClass: String\n', '');

/** One response extension entry a test subgraph reports for each field it resolved. */
export interface DataUse {
  subgraph: string;
  field: string;
  id: string;
}

interface SubgraphContext {
  dataUse: DataUse[];
}

/** A running test subgraph and the headers of every request it received. */
export interface TestSubgraph {
  name: string;
  url: string;
  requests: IncomingHttpHeaders[];
  stop(): Promise<void>;
}

const THINGS: Record<string, { name: string; taxNumber: string }> = {
  '1': { name: 'First thing', taxNumber: 'T-001' },
  '2': { name: 'Second thing', taxNumber: 'T-002' },
};

export function startPopulationSubgraph(): Promise<TestSubgraph> {
  return startSubgraph('population', POPULATION_SDL, {
    Query: {
      thing: (_source: unknown, { id }: { id: string }) => (THINGS[id] ? { id } : null),
      slow: (_source: unknown, { ms }: { ms: number }) =>
        new Promise((resolve) => setTimeout(() => resolve(`after ${ms} ms`), ms)),
    },
    Thing: {
      name: ({ id }: { id: string }, _args: unknown, context: SubgraphContext) => {
        context.dataUse.push({ subgraph: 'population', field: 'Thing.name', id });
        return THINGS[id]?.name;
      },
      secret: () => {
        throw new GraphQLError('Access to Thing.secret is denied', {
          extensions: { code: 'FORBIDDEN' },
        });
      },
      fragile: () => {
        throw new Error('connection to 10.1.2.3:5432 refused (password for user admin)');
      },
    },
  });
}

export function startTaxSubgraph(): Promise<TestSubgraph> {
  return startSubgraph('tax', TAX_SDL, {
    Thing: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      taxNumber: ({ id }: { id: string }, _args: unknown, context: SubgraphContext) => {
        context.dataUse.push({ subgraph: 'tax', field: 'Thing.taxNumber', id });
        return THINGS[id]?.taxNumber;
      },
      taxClass: () => 'B',
    },
  });
}

// What a govgraph subgraph will do: report, in the response, the data it disclosed.
const reportDataUse: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.dataUse.length === 0) return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          dataUse: contextValue.dataUse,
          notForwarded: 'only configured keys reach the client',
        };
      },
    };
  },
};

async function startSubgraph(name: string, sdl: string, resolvers: unknown): Promise<TestSubgraph> {
  const requests: IncomingHttpHeaders[] = [];
  const server = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(sdl),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    plugins: [reportDataUse, ApolloServerPluginInlineTraceDisabled()],
    // As a careless subgraph would: the gateway must not pass stack traces on.
    includeStacktraceInErrorResponses: true,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => {
      requests.push(req.headers);
      return { dataUse: [] };
    },
  });
  return { name, url: new URL('graphql', url).toString(), requests, stop: () => server.stop() };
}
