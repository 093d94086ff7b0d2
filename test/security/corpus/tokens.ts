import type { CorpusCategory, ForgedToken, HostileCase } from './HostileCase';

const PUBLIC_QUERY = { query: '{ purposes { code } }' };
const PERSONAL_QUERY = { query: '{ people(first: 1) { nodes { givenName } } }' };
const PURPOSE = { 'x-purpose': 'benefit-eligibility' };

const FORGERIES: [ForgedToken, string][] = [
  ['alg-none', 'an unsigned token (alg none)'],
  ['hs256-public-key', 'algorithm confusion: HS256 keyed with the public key'],
  ['wrong-issuer', 'a token of another issuer'],
  ['wrong-audience', 'a token for another service'],
  ['expired', 'an expired token'],
  ['not-yet-valid', 'a token not valid yet'],
  ['bad-signature', 'claims changed after signing'],
  ['unknown-key', 'a token signed by a key the provider does not publish'],
  ['garbage', 'a bearer value that is no JWT'],
];

const refused = (forged: ForgedToken, what: string, json: unknown, label: string): HostileCase => ({
  name: `${what}, ${label}`,
  attacks: 'token verification',
  request: { json, headers: PURPOSE, as: { forged } },
  expect: { status: 401, code: 'UNAUTHENTICATED' },
});

const authorization = (name: string, value: string): HostileCase => ({
  name,
  attacks: 'the Authorization header parser',
  request: { json: PUBLIC_QUERY, headers: { authorization: value } },
  expect: { status: 401, code: 'UNAUTHENTICATED' },
});

/** Forged, misissued and malformed credentials. */
export const tokens: CorpusCategory = {
  category: 'tokens',
  cases: [
    ...FORGERIES.flatMap(([forged, what]) => [
      refused(forged, what, PUBLIC_QUERY, 'for open data'),
      refused(forged, what, PERSONAL_QUERY, 'for personal data'),
    ]),
    {
      name: 'a role the organisation may not hold',
      attacks: 'roles claimed beyond the role grants',
      request: { json: PERSONAL_QUERY, headers: PURPOSE, as: { forged: 'role-not-held' } },
      expect: { status: 403, code: 'FORBIDDEN' },
    },
    {
      name: 'a role no organisation may hold',
      attacks: 'roles claimed beyond the role grants',
      request: { json: PUBLIC_QUERY, headers: PURPOSE, as: { forged: 'unknown-role' } },
      expect: { status: 403, code: 'FORBIDDEN' },
    },
    {
      name: 'a forged token on a GET request',
      attacks: 'credentials over GET',
      request: {
        method: 'GET',
        search: { query: '{ purposes { code } }' },
        as: { forged: 'alg-none' },
      },
      expect: { status: 405, code: 'CREDENTIALS_OVER_GET' },
    },
    authorization('Basic credentials', 'Basic YWRtaW46YWRtaW4='),
    authorization('Bearer without a token', 'Bearer'),
    authorization('two bearer tokens', 'Bearer a.b.c d.e.f'),
    authorization('a token of 8 kB', `Bearer ${'A'.repeat(8192)}`),
    authorization('a token without its signature', 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0'),
  ],
};
