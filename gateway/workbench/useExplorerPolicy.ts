import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * The headers of the explorer's page: its Content-Security-Policy, no content sniffing, and
 * no referrer, so that an authorization code on its address never leaves in a `Referer`.
 */
export function useExplorerPolicy(policy: string): GatewayPlugin {
  return {
    onResponse({ request, response }) {
      if (request.method !== 'GET') return;
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      response.headers.set('content-security-policy', policy);
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };
}
