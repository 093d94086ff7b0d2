import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { DEMO_TOKEN_LIFETIME_SECONDS, mintDemoToken } from '../../demo/identity/mintDemoToken';
import { isPersonaName, type Persona, PERSONAS } from '../../demo/identity/personas';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { GRAPHQL_REQUEST_MEDIA_TYPE } from '../csrf/useBrowserRules';
import { type TokenLifetimes, tokenHolder } from '../identity/tokenLifetime';

/** Where the demo's workbench asks for a persona's token. Served in the demo profile only. */
export const DEMO_TOKEN_PATH = '/explorer/demo-token';

/** A persona's name is short; anything longer than this is not a request of the workbench. */
const MAX_BODY_BYTES = 1024;

const demoTokenRequest = z.strictObject({
  persona: z.string().min(1).max(64),
});

/** What the route answers: the token and what the workbench shows of it. */
export interface DemoTokenResponse {
  token: string;
  persona: string;
  organisation: string | null;
  name: string | null;
  expiresAt: string;
}

/**
 * `POST /explorer/demo-token` with `{"persona": "<name>"}`: a token of the demo identity
 * provider for that persona, minted as `npm run token` mints it: issued now, for an hour or
 * the gateway's lifetime limit for its holder (a person or a client), whichever is shorter. Only known personas with a token (not `public`) are
 * minted for; anything else is refused and mints nothing.
 *
 * Browsers: the body must be `application/json`, which no form or link can send without a
 * CORS preflight, and a request that names an `Origin` must come from the gateway's own
 * origin or one the profile allows; the token is never cached.
 */
export function useDemoTokenRoute(options: {
  corsOrigins: readonly string[];
  /** The gateway's limits on a token's lifetime: a minted token lives no longer. */
  maxLifetimes: TokenLifetimes;
}): GatewayPlugin {
  const allowedOrigins = new Set(options.corsOrigins);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== DEMO_TOKEN_PATH) return;
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'cache-control': 'no-store',
              ...headers,
            },
          }),
        );
      const refuse = (status: number, code: ErrorCode, message: string, headers = {}) =>
        answer(status, { errors: [{ message, extensions: { code } }] }, headers);

      if (request.method !== 'POST')
        return refuse(405, ErrorCode.BAD_REQUEST, `${DEMO_TOKEN_PATH} takes only a POST`, {
          allow: 'POST',
        });
      const origin = request.headers.get('origin');
      if (origin !== null && origin !== url.origin && !allowedOrigins.has(origin))
        return refuse(
          403,
          ErrorCode.FORBIDDEN,
          `Demo tokens are minted only for the workbench of this gateway, not for pages of ${origin.slice(0, 100)}`,
        );
      const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim();
      if (mediaType !== GRAPHQL_REQUEST_MEDIA_TYPE)
        return refuse(
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          `A demo token request must be sent as ${GRAPHQL_REQUEST_MEDIA_TYPE}`,
        );
      const tooLarge = () =>
        refuse(
          413,
          ErrorCode.REQUEST_TOO_LARGE,
          `A demo token request is at most ${MAX_BODY_BYTES} bytes`,
        );
      // A declared length over the limit is refused before the body is read.
      if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge();
      return request.text().then(async (text) => {
        if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
        const parsed = demoTokenRequest.safeParse(parseJson(text));
        if (!parsed.success)
          return refuse(
            400,
            ErrorCode.BAD_USER_INPUT,
            'A demo token request must be {"persona": "<persona name>"} and nothing else',
          );
        const { persona } = parsed.data;
        if (!isPersonaName(persona))
          return refuse(400, ErrorCode.BAD_USER_INPUT, `There is no demo persona ${persona}`);
        const { claims } = PERSONAS[persona] as Persona;
        const lifetimeSeconds = claims
          ? Math.min(DEMO_TOKEN_LIFETIME_SECONDS, options.maxLifetimes[tokenHolder({ ...claims })])
          : DEMO_TOKEN_LIFETIME_SECONDS;
        const token = await mintDemoToken(persona, { lifetimeSeconds });
        if (token === null || claims === undefined)
          return refuse(
            400,
            ErrorCode.BAD_USER_INPUT,
            `The persona ${persona} is the public caller, who sends no token`,
          );
        const response: DemoTokenResponse = {
          token,
          persona,
          organisation: claims.org ?? null,
          name: claims.name ?? null,
          expiresAt: new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString(),
        };
        return answer(200, response);
      });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
