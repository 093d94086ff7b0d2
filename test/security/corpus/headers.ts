import type { CorpusCategory, HostileCase } from './HostileCase';

const QUERY = { query: '{ people(first: 1) { nodes { givenName } } }' };

const badHeader = (name: string, header: string, value: string): HostileCase => ({
  name,
  attacks: `the ${header} header`,
  request: { json: QUERY, headers: { [header]: value }, as: { persona: 'caseworker' } },
  expect: { status: 400, code: 'BAD_USER_INPUT' },
});

/** Hostile request headers. */
export const headers: CorpusCategory = {
  category: 'headers',
  cases: [
    badHeader('a purpose in capitals', 'x-purpose', 'BENEFIT-ELIGIBILITY'),
    badHeader('a purpose with spaces', 'x-purpose', 'benefit eligibility'),
    badHeader('a purpose of 65 characters', 'x-purpose', 'a'.repeat(65)),
    badHeader('a purpose with an injection', 'x-purpose', "benefit-eligibility' OR '1'='1"),
    badHeader('a list of purposes', 'x-purpose', 'benefit-eligibility,tax-assessment'),
    badHeader('an empty purpose', 'x-purpose', ''),
    badHeader('a case id of 129 characters', 'x-case-id', 'C'.repeat(129)),
    badHeader('a case id with a tab', 'x-case-id', 'CASE\t1'),
    badHeader('a case id beyond ASCII', 'x-case-id', 'CASE-Ü'),
    badHeader('a request id of 129 characters', 'x-request-id', 'r'.repeat(129)),
    badHeader('a request id beyond ASCII', 'x-request-id', 'req-\u00e9'),
    {
      name: 'a header of 20 kB',
      attacks: 'memory: the HTTP parser',
      request: { json: QUERY, headers: { 'x-padding': 'a'.repeat(20_000) } },
      // Node's HTTP parser refuses it before the gateway sees it.
      expect: { status: 431, code: null },
    },
    {
      name: '3,000 headers',
      attacks: 'memory: the HTTP parser',
      request: {
        json: QUERY,
        headers: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x-h${i}`, 'v'])),
      },
      expect: { status: 431, code: null },
    },
    {
      name: 'a purpose header of 20 kB',
      attacks: 'memory: the HTTP parser',
      request: { json: QUERY, headers: { 'x-purpose': 'a'.repeat(20_000) } },
      expect: { status: 431, code: null },
    },
  ],
};
