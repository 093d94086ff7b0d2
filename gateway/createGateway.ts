import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { GatewayTokenSecret } from '../platform/identity/gatewayTokenKeys';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../platform/logging/logger';
import { createRuntimeConfig, GRAPHQL_PATH, type SubgraphUrls } from './createRuntimeConfig';
import type { ClientTokenOptions } from './identity/createClientTokenVerifier';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './limits/requestLimits';
import { DEFAULT_EXTENSION_KEYS } from './plugins';
import { createGatewayMetrics } from './observability/gatewayMetrics';
import { type MetricsServer, serveMetrics } from '../platform/metrics/serveMetrics';
import { createProbes } from './probes';
import { DEFAULT_SUBGRAPH_TIMEOUTS, type SubgraphTimeouts } from './subgraphTimeouts';
import { profileDefaults, type ProfileSettings } from './profiles/profileSettings';
import { createClientAddress } from './rateLimit/clientAddress';
import { createRateLimiter } from './rateLimit/createRateLimiter';
import type { RateLimits } from './rateLimit/rateLimits';
import { createSupergraphSource, type RefreshOutcome } from './supergraphSource';
import {
  createTrustedDocumentSource,
  type TrustedDocumentSource,
  type TrustedDocumentsOptions,
} from './trustedDocuments/trustedDocumentSource';
import { watchFile, type FileWatch } from './watchFile';
import type { ExplorerOpenIdClient } from './workbench/workbenchFor';

export interface GatewayOptions {
  /** The composed supergraph; it is re-read on `reload()` and, by default, when it changes. */
  supergraphPath: string;
  /** Endpoints replacing the supergraph's subgraph URLs, by subgraph name. */
  subgraphUrls?: SubgraphUrls;
  logger: Logger;
  /** How the bearer tokens of clients are verified; a request without one is the public caller. */
  identity: ClientTokenOptions;
  /** The secret every subgraph's token key is derived from: it signs every call to a subgraph. */
  tokenSecret: GatewayTokenSecret;
  /** Reload when the supergraph file changes. Default true. */
  watch?: boolean;
  /** Subgraph response extensions passed on to clients. Default `['dataUse']`. */
  extensionKeys?: readonly string[];
  /** How long `stop()` lets requests in progress finish before closing their connections. */
  shutdownGraceMs?: number;
  /** Limits on what one request may ask; each omitted one takes its default. */
  limits?: Partial<RequestLimits>;
  /** How long each subgraph call may take; default 30 s for every subgraph. */
  subgraphTimeouts?: SubgraphTimeouts;
  /** What the gateway shows of itself (explorer, introspection, origins). Default: production's. */
  profile?: ProfileSettings;
  /**
   * The trusted documents manifest and the clients that may run only their documents in it;
   * re-read on `reloadTrustedDocuments()` and, when watching, when the file changes.
   */
  trustedDocuments?: TrustedDocumentsOptions;
  /** Requests per caller; without them (the demo, most tests) requests are not rate limited. */
  rateLimits?: RateLimits;
  /** The explorer's OpenID Connect client, for its sign-in outside the demo profile. */
  explorerOpenId?: ExplorerOpenIdClient;
  /** Where Prometheus scrapes `/metrics` (port 0 picks one), apart from the public port; not served when absent. */
  metrics?: { host: string; port: number };
}

/** A gateway that is set up but not yet listening. */
export interface Gateway {
  /** Starts serving; resolves to the base URL, e.g. `http://127.0.0.1:4000`. Port 0 picks a free one. */
  listen(port: number, host: string): Promise<string>;
  /** The scrape URL of the gateway's metrics once listening, when they are served. */
  metricsUrl(): string | null;
  /** Re-reads the supergraph file; a broken file is logged and the current supergraph kept. */
  reload(): Promise<RefreshOutcome>;
  /** Re-reads the trusted documents; a broken manifest is logged and the current one kept. */
  reloadTrustedDocuments(): Promise<RefreshOutcome>;
  /** Stops watching, lets requests in progress finish, and releases the subgraph connections. */
  stop(): Promise<void>;
}

/** The path of the GraphQL endpoint and explorer, relative to the base URL. */
export { GRAPHQL_PATH };

/**
 * The federated gateway: Hive Gateway's runtime serving a static supergraph file from our
 * own HTTP server. A missing or invalid supergraph at start-up throws a `SupergraphError`,
 * a missing or invalid trusted documents manifest a `TrustedDocumentsError`.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const subgraphUrls = options.subgraphUrls ?? {};
  const source = await createSupergraphSource(options.supergraphPath, logger);
  warnAboutUnknownOverrides(source.current().subgraphNames, subgraphUrls, logger);
  const trusted = options.trustedDocuments;
  const documents: TrustedDocumentSource | undefined = trusted
    ? await createTrustedDocumentSource(trusted.path, trusted.heldClients, logger)
    : undefined;
  const rateLimits = options.rateLimits;
  const rateLimit = rateLimits && {
    limiter: createRateLimiter(rateLimits, { logger, keySecret: options.tokenSecret }),
    clientAddress: createClientAddress(rateLimits.trustedProxies),
  };

  const metrics = createGatewayMetrics();
  let metricsServer: MetricsServer | undefined;
  const runtime = createGatewayRuntime(
    createRuntimeConfig({
      metrics,
      source,
      subgraphUrls,
      logger,
      extensionKeys: options.extensionKeys ?? DEFAULT_EXTENSION_KEYS,
      identity: options.identity,
      tokenSecret: options.tokenSecret,
      limits: { ...DEFAULT_REQUEST_LIMITS, ...options.limits },
      subgraphTimeouts: options.subgraphTimeouts ?? DEFAULT_SUBGRAPH_TIMEOUTS,
      profile: options.profile ?? profileDefaults('production', 0),
      ...(trusted && documents
        ? { trustedDocuments: { source: documents, heldClients: trusted.heldClients } }
        : {}),
      rateLimit,
      explorerOpenId: options.explorerOpenId,
    }),
  );
  try {
    // The runtime loads the supergraph lazily; loading it now fails a bad start at once
    // and spares the first client the wait.
    await runtime.getSchema();
    await rateLimit?.limiter.connected();
  } catch (error) {
    await runtime.dispose();
    await rateLimit?.limiter.close();
    throw error;
  }
  let stopping = false;
  const probes = createProbes(
    { schema: () => Promise.resolve(runtime.getSchema()), stopping: () => stopping },
    (error) => logger.error({ err: error }, 'readiness probe failed'),
  );
  const server: Server = createServer((request, response) => {
    if (!probes(request, response)) void runtime(request, response);
  });
  const watches: FileWatch[] = [];

  // One reload at a time: a file event during a reload queues behind it.
  let reloading: Promise<RefreshOutcome> = Promise.resolve('unchanged');
  function reload(): Promise<RefreshOutcome> {
    reloading = reloading
      .catch(() => 'unchanged' as const)
      .then(async () => {
        const outcome = await source.refresh();
        if (outcome === 'changed') {
          warnAboutUnknownOverrides(source.current().subgraphNames, subgraphUrls, logger);
          // The runtime's invalidation resolves once the new supergraph is in place.
          const swapped: unknown = runtime.invalidateUnifiedGraph();
          await swapped;
        }
        return outcome;
      });
    return reloading;
  }

  return {
    async listen(port, host) {
      if (options.metrics)
        metricsServer = await serveMetrics(metrics.registry, { ...options.metrics, logger });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }).catch(async (error: unknown) => {
        // The public port is taken: the metrics port is given back before the failure is told.
        await metricsServer?.stop();
        metricsServer = undefined;
        throw error;
      });
      if (options.watch ?? true) {
        const reloadOnChange = () => {
          reload().catch((error: unknown) =>
            logger.error({ err: error }, 'supergraph reload failed'),
          );
        };
        watches.push(
          watchFile(options.supergraphPath, reloadOnChange, {
            onError: (error) =>
              logger.error({ err: error }, 'supergraph file watch failed; reload with SIGHUP'),
          }),
        );
        if (trusted && documents) {
          const reloadDocuments = () => {
            documents
              .refresh()
              .catch((error: unknown) =>
                logger.error({ err: error }, 'trusted documents reload failed'),
              );
          };
          watches.push(
            watchFile(trusted.path, reloadDocuments, {
              onError: (error) =>
                logger.error(
                  { err: error },
                  'trusted documents file watch failed; reload with SIGHUP',
                ),
            }),
          );
        }
      }
      return baseUrl(server.address() as AddressInfo, host);
    },
    metricsUrl: () => metricsServer?.url ?? null,
    reload,
    reloadTrustedDocuments: () => documents?.refresh() ?? Promise.resolve('unchanged'),
    async stop() {
      stopping = true;
      for (const watch of watches) watch.close();
      await closeServer(server, options.shutdownGraceMs ?? 10_000);
      await reloading;
      await runtime.dispose();
      await rateLimit?.limiter.close();
      await metricsServer?.stop();
    },
  };
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // A keep-alive connection becomes idle once its request is answered; closing idle ones
    // as they appear ends the wait as soon as the last request in progress is done.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

function baseUrl(address: AddressInfo, host: string): string {
  const wildcard = host === '0.0.0.0' || host === '::';
  const shown = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${address.port}`;
}

function warnAboutUnknownOverrides(
  subgraphNames: string[],
  subgraphUrls: SubgraphUrls,
  logger: Logger,
): void {
  const unknown = Object.keys(subgraphUrls).filter((name) => !subgraphNames.includes(name));
  if (unknown.length > 0) {
    logger.warn(
      { unknown, subgraphs: subgraphNames },
      'subgraph URL overrides name subgraphs the supergraph does not have',
    );
  }
}
