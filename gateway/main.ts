import { ConfigError } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createLogger } from '../platform/logging/logger';
import { startTracing } from '../platform/tracing/startTracing';
import { loadGatewayConfig } from './config';
import { createGateway, GRAPHQL_PATH } from './createGateway';
import { SupergraphError } from './loadSupergraph';
import { stopOnSignals } from '../platform/server/stopOnSignals';
import { takeOverTerminationSignals } from './takeOverTerminationSignals';
import { TrustedDocumentsError } from './trustedDocuments/trustedDocumentSource';

/** `node dist/gateway/main.js`: serves the federated graph until SIGTERM or SIGINT. */
runMain(async () => {
  const config = loadGatewayConfig(process.env);
  const logger = createLogger('gateway', config.logLevel, { pretty: config.logPretty });
  const tracing = startTracing(config.tracing);
  const gateway = await createGateway({
    supergraphPath: config.supergraphPath,
    subgraphUrls: config.subgraphUrls,
    logger,
    identity: config.identity,
    tokenSecret: config.tokenSecret,
    limits: config.limits,
    subgraphTimeouts: config.subgraphTimeouts,
    profile: config.profile,
    trustedDocuments: config.trustedDocuments,
    rateLimits: config.rateLimits,
    explorerOpenId: config.explorerOpenId,
    metrics: config.metrics,
  }).catch((error: unknown) => {
    // A missing or broken supergraph is an operator's fix, reported like bad configuration.
    if (error instanceof SupergraphError)
      throw new ConfigError(`gateway: ${error.message} (SUPERGRAPH_PATH)`);
    if (error instanceof TrustedDocumentsError)
      throw new ConfigError(`gateway: ${error.message} (TRUSTED_DOCUMENTS_FILE)`);
    throw error;
  });
  if (takeOverTerminationSignals() === 0) {
    logger.warn(
      'the runtime installed no signal listeners to replace; requests in progress may be cut at shutdown',
    );
  }
  const url = await gateway.listen(config.port, config.host);
  logger.info(
    {
      url: `${url}${GRAPHQL_PATH}`,
      explorer: config.profile.explorer ? `${url}${GRAPHQL_PATH}` : 'off',
      metrics: gateway.metricsUrl(),
      subgraphUrls: config.subgraphUrls,
      tokenIssuer: config.identity.issuer,
      profile: config.profile,
      rateLimits: config.rateLimits.store ? 'shared in Redis' : 'in memory, per replica',
    },
    `gateway ready at ${url}${GRAPHQL_PATH} (${config.profile.profile} profile${
      config.profile.explorer ? '; open it in a browser for the explorer' : ''
    })`,
  );

  process.on('SIGHUP', () => {
    logger.info('SIGHUP: reloading the supergraph and the trusted documents');
    gateway
      .reload()
      .catch((error: unknown) => logger.error({ err: error }, 'supergraph reload failed'));
    gateway
      .reloadTrustedDocuments()
      .catch((error: unknown) => logger.error({ err: error }, 'trusted documents reload failed'));
  });
  stopOnSignals(() => gateway.stop().finally(() => tracing.shutdown()), { logger });
});
