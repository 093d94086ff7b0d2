import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { clientError } from '../../platform/errors/clientErrors';
import { ErrorCode } from '../../platform/errors/ErrorCode';

/** The one media type a GraphQL request body may have. */
export const GRAPHQL_REQUEST_MEDIA_TYPE = 'application/json';

/**
 * Headers that make a request someone's: the bearer token the gateway reads, and cookies,
 * which it never reads but a browser attaches by itself.
 */
const CREDENTIAL_HEADERS = ['authorization', 'cookie'];

/**
 * What a page on another site can make a browser send without asking (a link, an image, a
 * form) never acts for anyone:
 * - a GraphQL GET is served only where the profile takes queries over GET (405,
 *   `GET_NOT_ALLOWED`, otherwise), and only as the public caller: one carrying credentials is refused
 *   (405, `CREDENTIALS_OVER_GET`) rather than silently served as the public; mutations over
 *   GET are refused by the runtime itself (405);
 * - a POST body must be `application/json`, which no form can send without a CORS preflight:
 *   forms (`application/x-www-form-urlencoded`, `multipart/form-data`), `text/plain`,
 *   `application/graphql` and anything else are refused (415, `UNSUPPORTED_MEDIA_TYPE`).
 * The explorer's page and assets are answered before this runs.
 */
export function useBrowserRules(options: {
  corsOrigins: readonly string[];
  /** Whether GraphQL queries are taken over GET at all. */
  getQueries: boolean;
}): GatewayPlugin {
  const variesByOrigin = options.corsOrigins.length > 0;
  return {
    onRequestParse({ request }) {
      if (request.method === 'GET') {
        if (!options.getQueries) {
          throw clientError(
            ErrorCode.GET_NOT_ALLOWED,
            `This gateway takes GraphQL requests only as a POST of ${GRAPHQL_REQUEST_MEDIA_TYPE}`,
            { http: { status: 405, headers: { allow: 'POST' } } },
          );
        }
        const carried = CREDENTIAL_HEADERS.filter((header) => request.headers.has(header));
        if (carried.length > 0) {
          throw clientError(
            ErrorCode.CREDENTIALS_OVER_GET,
            `A GET request is served only as the public caller; send a request with ${carried.join(' or ')} as a POST of application/json`,
            { http: { status: 405, headers: { allow: 'POST' } } },
          );
        }
        return;
      }
      if (request.method !== 'POST') return;
      const contentType = request.headers.get('content-type');
      // Compared as the runtime's parser compares it, so whatever passes here is parsed as JSON.
      const mediaType = contentType?.split(';')[0]?.trim();
      if (mediaType === GRAPHQL_REQUEST_MEDIA_TYPE) return;
      throw clientError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `A GraphQL request must be sent as ${GRAPHQL_REQUEST_MEDIA_TYPE}; ${
          contentType ? `got ${contentType.slice(0, 100)}` : 'it had no content type'
        }`,
        { http: { status: 415, headers: { 'accept-post': GRAPHQL_REQUEST_MEDIA_TYPE } } },
      );
    },
    onResponse({ response }) {
      // Which origin is allowed depends on the request's Origin: caches must keep them apart.
      if (variesByOrigin) response.headers.append('vary', 'Origin');
    },
  };
}
