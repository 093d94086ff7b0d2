import {
  deriveGatewayTokenKey,
  newGatewayTokenSecret,
} from '../../platform/identity/gatewayTokenKeys';
import type { AgencyName } from '../../platform/agencies';
import { createLogger } from '../../platform/logging/logger';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import { signGatewayToken } from '../../platform/identity/signGatewayToken';
import {
  type LocalFederation,
  type LocalFederationOptions,
  startLocalFederation,
} from '../../scripts/startLocalFederation';
import { mintDemoToken } from '../../demo/identity/mintDemoToken';
import { isPersonaName } from '../../demo/identity/personas';
import { isEmbeddedTestDatabase, testDatabaseUrl } from './testDatabase';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  body: {
    data?: TData | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
    extensions?: Record<string, unknown>;
  };
  headers: Headers;
}

/** Who sends a test query and why. */
export interface QueryOptions {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A demo persona (`caseworker`, `citizen`, ...); its token is minted for the query. */
  persona?: string;
  /** Another national ID as the persona's subject (a person persona only). */
  subject?: string;
  /** Sent as `x-purpose`. */
  purpose?: string;
  /** Sent as `x-case-id`. */
  caseId?: string;
}

export interface TestFederation extends LocalFederation {
  /** Posts a query to the gateway, as a persona if one is named, and decodes the response. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<TData>>;
  /** Posts a raw body to the gateway (for malformed requests). */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** The headers a persona's request carries: its bearer token, purpose and case. */
  headersFor(options: Omit<QueryOptions, 'variables' | 'headers'>): Promise<Record<string, string>>;
  /** A token as the gateway would mint it for one call to a subgraph. */
  mintGatewayToken(agency: AgencyName, body: string, identity: RequestIdentity): Promise<string>;
  /** Posts a raw body straight to a subgraph, bypassing the gateway. */
  postToSubgraph(
    agency: AgencyName,
    body: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse>;
}

/**
/**
 * Connections per agency in a test federation: its own pool, one to the governance store, and
 * the witness's and (on PostgreSQL) the change listener's one each, 6 in all. With eight agencies
 * that is 48 for a federation, so that two test files running federations side by side, with
 * their own test connections, stay under a PostgreSQL server's max_connections of 100.
 */
export const TEST_AGENCY_POOL_SIZE = 3;
export const TEST_POLICY_POOL_SIZE = 1;

/**
 * Starts the subgraphs and the gateway over the test database on free ports, trusting the
 * demo identity provider (or the one `identity` names), with a gateway key pair of its own.
 */
export async function startTestFederation(
  options: Pick<
    LocalFederationOptions,
    | 'accessLogDatabaseUrl'
    | 'witnessIntervalMs'
    | 'witnessFile'
    | 'governanceDatabaseUrl'
    | 'policyMaxStalenessMs'
    | 'policyRefreshMs'
    | 'agencyDatabaseUrls'
    | 'gatewayRoute'
    | 'subgraphTimeouts'
    | 'trustedDocuments'
    | 'profile'
    | 'identity'
    | 'metricsPorts'
  > & { logger?: LocalFederationOptions['logger'] } = {},
): Promise<TestFederation> {
  const gatewayTokenSecret = newGatewayTokenSecret('test-gateway-1');
  const federation = await startLocalFederation({
    databaseUrl: testDatabaseUrl(),
    host: '127.0.0.1',
    subgraphPorts: 'ephemeral',
    gatewayPort: 0,
    logger: createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    gatewayTokenSecret,
    embeddedDatabase: isEmbeddedTestDatabase(),
    poolSize: TEST_AGENCY_POOL_SIZE,
    policyPoolSize: TEST_POLICY_POOL_SIZE,
    ...options,
  });
  const headersFor: TestFederation['headersFor'] = async (options) => {
    const headers: Record<string, string> = {};
    if (options.persona !== undefined) {
      if (!isPersonaName(options.persona)) throw new Error(`unknown persona ${options.persona}`);
      const token = await mintDemoToken(options.persona, { subject: options.subject });
      if (token !== null) headers.authorization = `Bearer ${token}`;
    }
    if (options.purpose !== undefined) headers['x-purpose'] = options.purpose;
    if (options.caseId !== undefined) headers['x-case-id'] = options.caseId;
    return headers;
  };
  const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const decoded = ({ status, text, headers }: Awaited<ReturnType<typeof post>>) =>
    ({ status, body: JSON.parse(text) as GraphQLResponse['body'], headers }) as never;
  return {
    ...federation,
    headersFor,
    post: async (body, headers) => {
      const { status, text } = await post(federation.gatewayUrl, body, headers);
      return { status, text };
    },
    async query(query, options = {}) {
      const headers = { ...(await headersFor(options)), ...options.headers };
      const body = JSON.stringify({ query, variables: options.variables });
      return decoded(await post(federation.gatewayUrl, body, headers));
    },
    mintGatewayToken: (agency, body, identity) =>
      signGatewayToken({
        identity,
        audience: agency,
        body,
        key: deriveGatewayTokenKey(gatewayTokenSecret, agency),
      }),
    async postToSubgraph(agency, body, headers) {
      return decoded(await post(federation.subgraphs[agency].url, body, headers));
    },
  };
}
