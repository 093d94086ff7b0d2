import type { IncomingMessage } from 'node:http';
import { createClientAddress, UNKNOWN_ADDRESS } from './clientAddress';

/** A request from `peer`, with an `X-Forwarded-For` header if given. */
const from = (peer: string | undefined, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('without trusted proxies', () => {
  const addressOf = createClientAddress([]);

  test.each([
    ['the peer', from('203.0.113.7'), '203.0.113.7'],
    ['the peer, not what it says it forwards', from('203.0.113.7', '198.51.100.1'), '203.0.113.7'],
    ['an IPv4 address mapped into IPv6, as IPv4', from('::ffff:203.0.113.7'), '203.0.113.7'],
    ['an IPv6 address by its /64', from('2001:db8:a:b:c:d:e:f'), '2001:db8:a:b::/64'],
    ['a shortened IPv6 address by its /64', from('2001:db8::1'), '2001:db8:0:0::/64'],
    ['no peer, as unknown', from(undefined), UNKNOWN_ADDRESS],
    ['no request, as unknown', undefined, UNKNOWN_ADDRESS],
  ])('counts %s', (_, request, expected) => {
    expect(addressOf(request)).toBe(expected);
  });
});

describe('behind trusted proxies', () => {
  const addressOf = createClientAddress(['10.0.0.0/8', '192.0.2.1']);

  test('the address the trusted proxy forwards for', () => {
    expect(addressOf(from('10.1.2.3', '198.51.100.1'))).toBe('198.51.100.1');
  });

  test('the nearest address that is not a trusted proxy, whatever the client put before it', () => {
    expect(addressOf(from('10.1.2.3', '6.6.6.6, 198.51.100.1, 192.0.2.1'))).toBe('198.51.100.1');
  });

  test('a peer that is not a trusted proxy is the client, whatever it forwards', () => {
    expect(addressOf(from('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  test('a trusted proxy that forwards nothing is the client', () => {
    expect(addressOf(from('10.1.2.3'))).toBe('10.1.2.3');
  });
});

test('a malformed proxy entry is refused', () => {
  expect(() => createClientAddress(['10.0.0.0/99'])).toThrow();
  expect(() => createClientAddress(['proxy.example'])).toThrow();
});
