import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import type { GatewayTokenKey } from '../../platform/identity/gatewayTokenKeys';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import { createGatewayTokenVerifier } from '../../platform/identity/verifyGatewayToken';
import type { Logger } from '../../platform/logging/logger';
import { serveBehindGateway } from '../../platform/server/serveBehindGateway';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** The population test subgraph: owns `Thing` and its root fields. */
export const POPULATION_SDL = `${LINK}
type Query {
  thing(id: ID!): Thing
  "The things of these ids, in order; null where there is none (of any kind, whatever \`kind\` says)."
  things(ids: [ID!]!, kind: Kind): [Thing]!
  "Answers after the given delay: a request still in progress."
  slow(ms: Int!): String
  "The caller and purpose the gateway token vouched for, after the given delay."
  whoami(ms: Int!): String
}
"How big a thing is: an enum, whose values graphql-js suggests when one is mistyped."
enum Kind {
  SMALL
  LARGE
}
type Thing @key(fields: "id") {
  id: ID!
  name: String!
  "Always denied: a deliberate client error."
  secret: String
  "Always fails: an internal error that must not reach a client."
  fragile: String
  "Every thing, the first ones: a list to nest and to page."
  others(first: Int): [Thing!]!
}`;

/** The tax test subgraph: extends `Thing`. `taxClass` is left out of the first supergraph. */
export const TAX_SDL = `${LINK}
type Thing @key(fields: "id") {
  id: ID!
  taxNumber: String!
  taxClass: String
  "The caller the gateway token of this \`_entities\` call vouched for."
  taxViewer: String
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
  identity: RequestIdentity;
}

/** One request a test subgraph admitted: its HTTP headers and the identity its token vouched for. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  identity: RequestIdentity;
}

/** A running test subgraph and every request it admitted. */
export interface TestSubgraph {
  name: string;
  url: string;
  requests: ReceivedRequest[];
  stop(): Promise<void>;
}

/** What a test subgraph needs to admit the gateway's calls. */
export interface TestSubgraphOptions {
  /** Each test subgraph's gateway-token key, by its name. */
  gatewayTokenKeyFor(subgraph: string): GatewayTokenKey;
  logger: Logger;
}

const THINGS: Record<string, { name: string; taxNumber: string }> = {
  '1': { name: 'First thing', taxNumber: 'T-001' },
  '2': { name: 'Second thing', taxNumber: 'T-002' },
};

/** How a test subgraph names the caller of a request, e.g. `organisation:EE1:tax-board/audit`. */
export function describeIdentity({ caller, purpose }: RequestIdentity): string {
  const who =
    caller.kind === 'public'
      ? 'public'
      : caller.kind === 'citizen'
        ? `citizen:${caller.subject}`
        : `organisation:${caller.subject}:${caller.organisation}`;
  return `${who}/${purpose ?? '-'}`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startPopulationSubgraph(options: TestSubgraphOptions): Promise<TestSubgraph> {
  return startSubgraph('population', POPULATION_SDL, options, {
    Query: {
      thing: (_source: unknown, { id }: { id: string }) => (THINGS[id] ? { id } : null),
      things: (_source: unknown, { ids }: { ids: string[] }) =>
        ids.map((id) => (THINGS[id] ? { id } : null)),
      slow: async (_source: unknown, { ms }: { ms: number }) => {
        await delay(ms);
        return `after ${ms} ms`;
      },
      whoami: async (_source: unknown, { ms }: { ms: number }, context: SubgraphContext) => {
        await delay(ms);
        return describeIdentity(context.identity);
      },
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
      others: (_source: unknown, { first }: { first?: number | null }) =>
        Object.keys(THINGS)
          .slice(0, first ?? undefined)
          .map((id) => ({ id })),
      fragile: () => {
        throw new Error('connection to 10.1.2.3:5432 refused (password for user admin)');
      },
    },
  });
}

export function startTaxSubgraph(options: TestSubgraphOptions): Promise<TestSubgraph> {
  return startSubgraph('tax', TAX_SDL, options, {
    Thing: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      taxNumber: ({ id }: { id: string }, _args: unknown, context: SubgraphContext) => {
        context.dataUse.push({ subgraph: 'tax', field: 'Thing.taxNumber', id });
        return THINGS[id]?.taxNumber;
      },
      taxClass: () => 'B',
      taxViewer: async (_source: unknown, _args: unknown, context: SubgraphContext) => {
        await delay(100);
        return describeIdentity(context.identity);
      },
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

async function startSubgraph(
  name: string,
  sdl: string,
  options: TestSubgraphOptions,
  resolvers: unknown,
): Promise<TestSubgraph> {
  const requests: ReceivedRequest[] = [];
  const server = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(sdl),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    plugins: [reportDataUse, ApolloServerPluginInlineTraceDisabled()],
    // As a careless subgraph would: the gateway must not pass stack traces on.
    includeStacktraceInErrorResponses: true,
  });
  const { url, stop } = await serveBehindGateway(server, {
    host: '127.0.0.1',
    port: 0,
    logger: options.logger,
    verifyGatewayToken: createGatewayTokenVerifier({
      keys: [options.gatewayTokenKeyFor(name)],
      audience: name,
    }),
    createContext: async ({ identity }, request) => {
      requests.push({ headers: request.headers, identity });
      return { dataUse: [], identity };
    },
  });
  return { name, url, requests, stop };
}
