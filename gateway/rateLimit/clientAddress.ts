import ipaddr from 'ipaddr.js';
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** The address a public request is counted by, from the connection and trusted proxies. */
export type ClientAddressOf = (request: IncomingMessage | undefined) => string;

/** Where the peer's address is unknown (a closed socket): all such requests share a counter. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client's address: the peer's own, unless the peer is a trusted proxy, in which case the
 * nearest address in `X-Forwarded-For` that is not a trusted proxy (so a client cannot choose
 * its address by sending the header itself). An IPv6 address counts by its /64, the block one
 * host usually holds, or a client could take a fresh address for every request; an IPv4
 * address mapped into IPv6 counts as the IPv4 address. Throws on a malformed proxy entry.
 */
export function createClientAddress(trustedProxies: readonly string[]): ClientAddressOf {
  const trust = proxyaddr.compile([...trustedProxies]);
  return (request) => {
    if (!request?.socket?.remoteAddress) return UNKNOWN_ADDRESS;
    const address = proxyaddr(request, trust);
    if (!ipaddr.isValid(address)) return UNKNOWN_ADDRESS;
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
    return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
  };
}
