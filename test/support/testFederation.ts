import { createLogger } from '../../platform/logging/logger';
import { type LocalFederation, startLocalFederation } from '../../scripts/startLocalFederation';
import { testDatabaseUrl } from './testDatabase';

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

export interface TestFederation extends LocalFederation {
  /** Posts a query to the gateway and returns the decoded response. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  /** Posts a raw body to the gateway (for malformed requests). */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
}

/** Starts the six subgraphs and the gateway over the test database on free ports. */
export async function startTestFederation(): Promise<TestFederation> {
  const federation = await startLocalFederation({
    databaseUrl: testDatabaseUrl(),
    host: '127.0.0.1',
    subgraphPorts: 'ephemeral',
    gatewayPort: 0,
    logger: createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  return {
    ...federation,
    post: async (body, headers) => {
      const { status, text } = await post(body, headers);
      return { status, text };
    },
    async query(query, options = {}) {
      const { status, text, headers } = await post(
        JSON.stringify({ query, variables: options.variables }),
        options.headers,
      );
      return { status, body: JSON.parse(text) as GraphQLResponse['body'], headers } as never;
    },
  };
}
