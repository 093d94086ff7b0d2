import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../errors/ErrorCode';
import { GATEWAY_TOKEN_HEADER } from '../identity/gatewayToken';
import {
  GatewayTokenError,
  type GatewayTokenVerifier,
  type VerifiedGatewayToken,
} from '../identity/verifyGatewayToken';
import type { Logger } from '../logging/logger';
import { checkReadiness, type ReadinessCheck } from './readiness';
import { traceSubgraphRequest } from '../tracing/traceSubgraphRequest';

export interface BehindGatewayOptions<TContext> {
  /** The subgraph's name, on its spans. */
  name?: string;
  host: string;
  port: number;
  logger: Logger;
  verifyGatewayToken: GatewayTokenVerifier;
  /** The context of one request, from its verified token (the identity it vouches for). */
  createContext(verified: VerifiedGatewayToken, request: IncomingMessage): Promise<TContext>;
  /** The largest request body accepted, in bytes; default 1 MB. */
  maxBodyBytes?: number;
  /** What `/readyz` checks (its database and policy store answer); ready when absent. */
  readiness?: readonly ReadinessCheck[];
}

/** The path of a subgraph's GraphQL endpoint. */
export const SUBGRAPH_GRAPHQL_PATH = '/graphql';
/** The process lives (also under its earlier name, `/healthcheck`). */
const LIVENESS_PATHS = new Set(['/healthz', '/healthcheck']);
/** The service can serve: its database and policy store answer. */
const READINESS_PATH = '/readyz';
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves an Apollo server on its own HTTP server. A GraphQL request is a POST whose raw body
 * is read here, so its gateway token can be checked against it before anything is parsed or
 * executed; `GET /healthz` and `GET /readyz` need no token. Whether another replica has
 * already answered the token is decided beside the execution, and awaited before any answer
 * leaves: a replay is refused with nothing of its answer sent.
 */
export async function serveBehindGateway<TContext extends object>(
  apollo: ApolloServer<TContext>,
  options: BehindGatewayOptions<TContext>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  await apollo.start();
  let stopping = false;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (LIVENESS_PATHS.has(url.pathname) && request.method === 'GET')
      return send(response, 200, { status: 'ok' });
    if (url.pathname === READINESS_PATH && request.method === 'GET') {
      if (stopping) return send(response, 503, { status: 'stopping' });
      const report = await checkReadiness(options.readiness ?? []);
      return send(response, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'not ready',
        checks: report.checks,
      });
    }
    if (url.pathname !== SUBGRAPH_GRAPHQL_PATH)
      return send(response, 404, errorBody('Not found', ErrorCode.BAD_REQUEST));
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return send(response, 405, errorBody('Only POST is served', ErrorCode.BAD_REQUEST));
    }
    const token = singleHeader(request, GATEWAY_TOKEN_HEADER);
    // Refused before the body is read: no work for a request that cannot be admitted.
    if (!token) return refuse(request, response, 'The request carries no gateway token');
    const body = await readBody(request, maxBodyBytes);
    if (body === null) {
      // Node discards the rest of the body, keeping the connection usable for the gateway.
      return send(
        response,
        413,
        errorBody(`The request body exceeds ${maxBodyBytes} bytes`, ErrorCode.BAD_REQUEST),
      );
    }
    let verified: VerifiedGatewayToken;
    try {
      verified = await options.verifyGatewayToken(token, body);
    } catch (error) {
      if (error instanceof GatewayTokenError) return refuse(request, response, error.message);
      throw error;
    }
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, errorBody('The body is not valid JSON', ErrorCode.BAD_REQUEST));
    }
    const result = await traceSubgraphRequest(options.name, request.headers, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: headerMapOf(request),
          search: url.search,
          body: parsedBody,
        },
        context: () => options.createContext(verified, request),
      }),
    );
    // Free when the access log's statement has decided it; one batched insert otherwise.
    if (!(await verified.admission.admitted()))
      return refuse(request, response, 'The gateway token has already been used');
    await write(response, result);
  }

  function refuse(request: IncomingMessage, response: ServerResponse, reason: string): void {
    logger.warn(
      { reason, remoteAddress: request.socket.remoteAddress },
      'refused a request without a valid gateway token',
    );
    send(response, 401, errorBody(reason, ErrorCode.UNAUTHENTICATED));
  }

  const httpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'unexpected error while serving a request');
      if (response.headersSent) response.destroy();
      else send(response, 500, errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${SUBGRAPH_GRAPHQL_PATH}`,
    async stop() {
      stopping = true;
      await closeServer(httpServer);
      await apollo.stop();
    },
  };
}

function errorBody(message: string, code: ErrorCode): object {
  return { errors: [{ message, extensions: { code } }] };
}

function send(response: ServerResponse, status: number, body: object): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}

/** The body, or null as soon as it grows past `maxBytes` (the rest is discarded unread). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    request.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData);
      request.resume();
      resolve(null);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function headerMapOf(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function write(response: ServerResponse, result: HTTPGraphQLResponse): Promise<void> {
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** Stops accepting connections and resolves once the requests in progress are answered. */
function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
