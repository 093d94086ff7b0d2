import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type Gateway, GRAPHQL_PATH } from '../createGateway';
import type { ClientTokenOptions } from '../identity/createClientTokenVerifier';
import type { ExplorerOpenIdClient } from '../workbench/workbenchFor';
import type { RequestLimits } from '../limits/requestLimits';
import type { SubgraphTimeouts } from '../subgraphTimeouts';
import { profileDefaults, type ProfileSettings } from '../profiles/profileSettings';
import type { TrustedDocumentsOptions } from '../trustedDocuments/trustedDocumentSource';
import type { RateLimits } from '../rateLimit/rateLimits';
import { composeSupergraph } from './composeSupergraph';
import { memoryLogger, type MemoryLogger } from './memoryLogger';
import { createTestIdentity, type TestIdentity } from './testIdentity';
import {
  POPULATION_SDL,
  startPopulationSubgraph,
  startTaxSubgraph,
  TAX_SDL,
  TAX_SDL_WITHOUT_TAX_CLASS,
  type TestSubgraph,
} from './testSubgraphs';

// Nothing listens on the discard port: a request that ignores the overrides fails loudly.
const UNREACHABLE_URL = 'http://127.0.0.1:9/graphql';

/** The supergraphs a test can put in place of the served one. */
export const SUPERGRAPHS = {
  /** population + tax, without `Thing.taxClass` */
  initial: composeSupergraph([
    { name: 'population', sdl: POPULATION_SDL, url: UNREACHABLE_URL },
    { name: 'tax', sdl: TAX_SDL_WITHOUT_TAX_CLASS, url: UNREACHABLE_URL },
  ]),
  /** the same, with `Thing.taxClass` */
  withTaxClass: composeSupergraph([
    { name: 'population', sdl: POPULATION_SDL, url: UNREACHABLE_URL },
    { name: 'tax', sdl: TAX_SDL, url: UNREACHABLE_URL },
  ]),
  broken: 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Nope',
};

/** Two subgraphs and a gateway routing to them through URL overrides. */
export interface TestFederation {
  gateway: Gateway;
  /** The gateway's GraphQL endpoint. */
  graphqlUrl: string;
  baseUrl: string;
  population: TestSubgraph;
  tax: TestSubgraph;
  supergraphPath: string;
  log: MemoryLogger;
  /** The test identity provider (`tokenFor`) and the gateway's key pair. */
  auth: TestIdentity;
  writeSupergraph(sdl: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestFederation(
  options: {
    watch?: boolean;
    limits?: Partial<RequestLimits>;
    subgraphTimeouts?: SubgraphTimeouts;
    /** What the gateway shows of itself; default the demo profile's. */
    profile?: ProfileSettings;
    trustedDocuments?: TrustedDocumentsOptions;
    rateLimits?: RateLimits;
    /** How client tokens are verified; default the test identity provider's tokens. */
    identity?: ClientTokenOptions;
    /** The explorer's OpenID Connect client, for its sign-in outside the demo. */
    explorerOpenId?: ExplorerOpenIdClient;
  } = {},
): Promise<TestFederation> {
  const directory = await mkdtemp(join(tmpdir(), 'govgraph-gateway-'));
  const supergraphPath = join(directory, 'supergraph.graphql');
  await writeFile(supergraphPath, SUPERGRAPHS.initial);
  const log = memoryLogger();
  const auth = createTestIdentity();
  const subgraphOptions = { gatewayTokenKeyFor: auth.gatewayTokenKeyFor, logger: log.logger };
  const [population, tax] = await Promise.all([
    startPopulationSubgraph(subgraphOptions),
    startTaxSubgraph(subgraphOptions),
  ]);
  const gateway = await createGateway({
    supergraphPath,
    subgraphUrls: { population: population.url, tax: tax.url },
    logger: log.logger,
    watch: options.watch ?? false,
    shutdownGraceMs: 1_000,
    identity: options.identity ?? auth.identity,
    tokenSecret: auth.tokenSecret,
    limits: options.limits,
    subgraphTimeouts: options.subgraphTimeouts,
    profile: options.profile ?? profileDefaults('demo', 0),
    trustedDocuments: options.trustedDocuments,
    rateLimits: options.rateLimits,
    explorerOpenId: options.explorerOpenId,
  });
  const baseUrl = await gateway.listen(0, '127.0.0.1');
  return {
    gateway,
    baseUrl,
    graphqlUrl: `${baseUrl}${GRAPHQL_PATH}`,
    population,
    tax,
    supergraphPath,
    log,
    auth,
    writeSupergraph: (sdl) => writeFile(supergraphPath, sdl),
    async stop() {
      await gateway.stop();
      await Promise.all([population.stop(), tax.stop()]);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
