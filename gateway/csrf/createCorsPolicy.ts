import { CASE_ID_HEADER, PURPOSE_HEADER } from '../identity/readRequestIdentity';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '../identity/requestIds';

/** The headers a page of an allowed origin may send, and those it may read. */
const ALLOWED_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  PURPOSE_HEADER,
  CASE_ID_HEADER,
  REQUEST_ID_HEADER,
];
const EXPOSED_HEADERS = [REQUEST_ID_HEADER, CORRELATION_ID_HEADER];

/** How long a browser may keep an allowed preflight, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** The CORS answer for one request: what to allow, or `false` for no CORS headers at all. */
export type CorsAnswer =
  | false
  | {
      origin: string;
      methods: string[];
      allowedHeaders: string[];
      exposedHeaders: string[];
      credentials: false;
      maxAge: number;
    };

/** The runtime's `cors` setting: for each request, the CORS answer its `Origin` gets. */
export type CorsPolicy = (request: Request) => CorsAnswer;

/**
 * Lets pages of exactly these origins call the gateway: the request's `Origin` is named back
 * only when it is one of them, with the methods and headers listed here (never reflected).
 * Any other origin, and a request without one, gets no CORS headers at all, preflight
 * included. Credentials (cookies) are never allowed: the bearer token travels in a header.
 *
 * The runtime's own default reflects any origin with credentials, and so does an empty list;
 * a list answers an unknown origin with the methods and headers it asked for: hence a
 * function, deciding per request.
 */
export function createCorsPolicy(origins: readonly string[]): CorsPolicy {
  const allowed: ReadonlySet<string> = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin,
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      credentials: false,
      maxAge: PREFLIGHT_MAX_AGE,
    };
  };
}
