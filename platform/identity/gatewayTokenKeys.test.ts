import {
  deriveGatewayTokenKey,
  gatewayTokenKeyJwk,
  gatewayTokenKeysFromJwk,
  gatewayTokenSecretFromJwk,
  gatewayTokenSecretJwk,
  newGatewayTokenSecret,
} from './gatewayTokenKeys';

const secret = newGatewayTokenSecret('gw-1');
const taxJwk = gatewayTokenKeyJwk(deriveGatewayTokenKey(secret, 'tax'));

test("a subgraph's key round-trips through its JWK, alone or in a set", () => {
  const [key] = gatewayTokenKeysFromJwk('tax', taxJwk);
  expect(key).toEqual(deriveGatewayTokenKey(secret, 'tax'));
  const next = gatewayTokenKeyJwk(deriveGatewayTokenKey(newGatewayTokenSecret('gw-2'), 'tax'));
  expect(gatewayTokenKeysFromJwk('tax', { keys: [taxJwk, next] }).map(({ kid }) => kid)).toEqual([
    'gw-1',
    'gw-2',
  ]);
});

test.each<[string, unknown, RegExp]>([
  ["another subgraph's key", taxJwk, /is the key of "tax", not of population/],
  [
    "the gateway's secret",
    gatewayTokenSecretJwk('gw-1', secret.secret),
    /not the gateway's secret/,
  ],
  ['a short key', { ...taxJwk, aud: 'population', k: 'c2hvcnQ' }, /at least 32 bytes/],
  ['an asymmetric key', { kty: 'OKP', crv: 'Ed25519', x: 'abc' }, /symmetric key/],
  ['a key without a kid', { ...taxJwk, aud: 'population', kid: undefined }, /"kid"/],
  ['an empty set', { keys: [] }, /at least one key/],
  [
    'two keys of one kid',
    {
      keys: [
        { ...taxJwk, aud: 'population' },
        { ...taxJwk, aud: 'population' },
      ],
    },
    /same "kid"/,
  ],
])('%s is refused as the population subgraph’s key', (_case, jwk, message) => {
  expect(() => gatewayTokenKeysFromJwk('population', jwk)).toThrow(message);
});

test("the gateway's secret round-trips, and a subgraph's key is refused for it", () => {
  const jwk = gatewayTokenSecretJwk('gw-1', secret.secret);
  expect(gatewayTokenSecretFromJwk(jwk)).toEqual(secret);
  expect(() => gatewayTokenSecretFromJwk(taxJwk)).toThrow(/gateway's token secret/);
});
