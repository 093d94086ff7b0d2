/** One error of a GraphQL response. */
export interface ResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** The gateway refused to run the document: `code` says why, e.g. `PERSISTED_DOCUMENT_NOT_FOUND`. */
export class TrustedDocumentError extends Error {
  override readonly name = 'TrustedDocumentError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly errors: ResponseError[],
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status} without data`);
  }
}

/** A trusted document's request: which document, with what, for whom and why. */
export interface TrustedDocumentRequest {
  /** The id `npm run trusted-documents` printed for it: the SHA-256 of its canonical text. */
  documentId: string;
  variables: Record<string, unknown>;
  accessToken: string;
  /** The declared purpose, sent as `x-purpose`. */
  purpose: string;
}

/** What the gateway answered: the data, and an error for each field it withheld. */
export interface TrustedDocumentResult<TData> {
  data: TData;
  errors: ResponseError[];
}

/**
 * Runs a registered trusted document at the gateway over plain HTTP: a POST of its id and
 * variables, no query text. A request the gateway refuses as a whole throws a `TrustedDocumentError`.
 */
export async function sendTrustedDocument<TData>(
  gatewayUrl: string,
  request: TrustedDocumentRequest,
): Promise<TrustedDocumentResult<TData>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${request.accessToken}`,
      'x-purpose': request.purpose,
    },
    body: JSON.stringify({ documentId: request.documentId, variables: request.variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: ResponseError[] };
  const errors = body.errors ?? [];
  if (body.data === undefined || body.data === null)
    throw new TrustedDocumentError(
      errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      response.status,
      errors,
    );
  return { data: body.data, errors };
}
