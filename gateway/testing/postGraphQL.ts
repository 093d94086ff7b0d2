/** What the gateway answered: status, headers and the parsed JSON body. */
export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
    extensions?: Record<string, unknown>;
  };
}

/** Posts a GraphQL request (or a raw body, to send malformed ones) and parses the answer. */
export async function postGraphQL(
  url: string,
  request: { query: string; variables?: Record<string, unknown> } | string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: typeof request === 'string' ? request : JSON.stringify(request),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}
