import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One error of a GraphQL response, as the gateway writes it. */
export interface ResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** What came back for an operation: its data, and the errors of fields the gateway withheld. */
export interface OperationResult<TData> {
  data: TData;
  errors: ResponseError[];
  extensions: Record<string, unknown>;
}

/** The gateway answered without data: the request was refused as a whole. */
export class GatewayRequestError extends Error {
  override readonly name = 'GatewayRequestError';
  constructor(
    /** The first error's `extensions.code`, such as `UNAUTHENTICATED` or `FORBIDDEN`. */
    readonly code: string,
    readonly status: number,
    readonly errors: ResponseError[],
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status} without data`);
  }
}

/** Who asks and why: the bearer token, the declared purpose (`x-purpose`) and the case (`x-case-id`). */
export interface RequestContext {
  token: string;
  purpose: string;
  caseId?: string;
}

/** Sends typed operations to the gateway over plain HTTP POST. */
export interface GatewayClient {
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    context: RequestContext,
  ): Promise<OperationResult<TData>>;
}

/** A client of the gateway at `gatewayUrl` (its `/graphql` endpoint). */
export function gatewayClient(gatewayUrl: string): GatewayClient {
  return {
    async execute(document, variables, context) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${context.token}`,
          'x-purpose': context.purpose,
          ...(context.caseId === undefined ? {} : { 'x-case-id': context.caseId }),
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as {
        data?: unknown;
        errors?: ResponseError[];
        extensions?: Record<string, unknown>;
      };
      const errors = body.errors ?? [];
      if (body.data === undefined || body.data === null)
        throw new GatewayRequestError(
          errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
          response.status,
          errors,
        );
      return {
        data: body.data as never,
        errors,
        extensions: body.extensions ?? {},
      };
    },
  };
}
