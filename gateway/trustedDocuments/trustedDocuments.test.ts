import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL, type GraphQLResponse } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { documentHash } from './documentHash';

const THING = 'query Thing($id: ID!) { thing(id: $id) { name } }';
const THING_WITH_TAX = 'query ThingWithTax($id: ID!) { thing(id: $id) { name taxNumber } }';
const OWN_THING = 'query OwnThing { thing(id: "2") { name } }';
const RAW = '{ thing(id: "1") { name } }';

const BANK = {
  sub: 'loan-service',
  client_id: 'loan-service',
  org: 'demo-bank',
  roles: ['credit-check'],
};
const TAX_OFFICER = { sub: '38001085718', org: 'tax-board', roles: ['tax-officer'] };

/** A manifest of these documents per client, keyed by their SHA-256 as the generator writes it. */
const manifest = (clients: Record<string, string[]>) =>
  JSON.stringify({
    clients: Object.fromEntries(
      Object.entries(clients).map(([client, documents]) => [
        client,
        Object.fromEntries(documents.map((document) => [documentHash(document), document])),
      ]),
    ),
  });

let directory: string;
let manifestPath: string;
let federation: TestFederation;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'govgraph-trusted-'));
  manifestPath = join(directory, 'trusted-documents.json');
  await writeFile(manifestPath, manifest({ 'demo-bank': [THING], 'tax-board': [OWN_THING] }));
  federation = await startTestFederation({
    trustedDocuments: { path: manifestPath, heldClients: ['demo-bank'] },
  });
});
afterAll(async () => {
  await federation.stop();
  await rm(directory, { recursive: true, force: true });
});

async function as(
  claims: Record<string, unknown> | null,
  body: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const headers: Record<string, string> = claims
    ? { authorization: `Bearer ${await federation.auth.tokenFor(claims)}` }
    : {};
  return postGraphQL(federation.graphqlUrl, JSON.stringify(body), headers);
}

const subgraphCalls = () => federation.population.requests.length + federation.tax.requests.length;

/** The response, having checked that it is a refusal and that no subgraph was called for it. */
async function refused(response: Promise<GraphQLResponse>, code: string, status: number) {
  const before = subgraphCalls();
  const { status: actual, body } = await response;
  expect(subgraphCalls()).toBe(before);
  expect({ status: actual, codes: body.errors?.map((error) => error.extensions?.code) }).toEqual({
    status,
    codes: [code],
  });
  expect(body.data).toBeUndefined();
  return body.errors![0]!.message;
}

describe('a client held to its trusted documents', () => {
  test('runs a registered document by documentId', async () => {
    const response = await as(BANK, { documentId: documentHash(THING), variables: { id: '1' } });
    expect(response.body.data).toEqual({ thing: { name: 'First thing' } });
  });

  test('also by sha256:<hash> and by Apollo persistedQuery, but not over GET', async () => {
    const hash = documentHash(THING);
    expect(
      (await as(BANK, { documentId: `sha256:${hash}`, variables: { id: '2' } })).body.data,
    ).toEqual({ thing: { name: 'Second thing' } });
    const apollo = await as(BANK, {
      variables: { id: '1' },
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(apollo.body.data).toEqual({ thing: { name: 'First thing' } });
    const token = await federation.auth.tokenFor(BANK);
    const url = `${federation.graphqlUrl}?documentId=${hash}&variables=${encodeURIComponent('{"id":"1"}')}`;
    const got = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json' },
    });
    // A GET serves only the public caller: a partner's token goes over POST.
    expect(got.status).toBe(405);
    const body = (await got.json()) as GraphQLResponse['body'];
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions!.code).toBe('CREDENTIALS_OVER_GET');
  });

  test('is refused an unregistered hash, before any subgraph is called', async () => {
    const message = await refused(
      as(BANK, { documentId: documentHash(RAW) }),
      'PERSISTED_DOCUMENT_NOT_FOUND',
      400,
    );
    expect(message).toBe(
      'No trusted document with this documentId is registered for demo-bank/loan-service',
    );
  });

  test("is refused another client's registered document", async () => {
    await refused(
      as(BANK, { documentId: documentHash(OWN_THING) }),
      'PERSISTED_DOCUMENT_NOT_FOUND',
      400,
    );
  });

  test('is refused a raw query, even one it has registered, before any subgraph is called', async () => {
    for (const query of [RAW, THING]) {
      const message = await refused(
        as(BANK, { query, variables: { id: '1' } }),
        'PERSISTED_DOCUMENT_REQUIRED',
        403,
      );
      expect(message).toBe(
        'demo-bank/loan-service may run only the documents registered for it: send their documentId, not a query',
      );
    }
    await refused(
      as(BANK, { query: RAW, documentId: documentHash(THING) }),
      'PERSISTED_DOCUMENT_REQUIRED',
      403,
    );
    await refused(as(BANK, {}), 'PERSISTED_DOCUMENT_REQUIRED', 403);
  });

  test('is held whatever its subject: the organisation is held', async () => {
    await refused(
      as({ ...BANK, sub: 'branch-portal', client_id: 'branch-portal' }, { query: RAW }),
      'PERSISTED_DOCUMENT_REQUIRED',
      403,
    );
  });
});

describe('a client not held to trusted documents', () => {
  test.each([
    ['an organisation with documents of its own', TAX_OFFICER],
    ['an organisation without any', { sub: '38001085718', org: 'police', roles: [] }],
    ['a citizen', { sub: '48507120002' }],
    ['the public', null],
  ])('%s still sends raw queries', async (_case, claims) => {
    const response = await as(claims, { query: RAW });
    expect(response.body.data).toEqual({ thing: { name: 'First thing' } });
  });

  test('may run its own registered documents, and no one else’s', async () => {
    expect((await as(TAX_OFFICER, { documentId: documentHash(OWN_THING) })).body.data).toEqual({
      thing: { name: 'Second thing' },
    });
    await refused(
      as(TAX_OFFICER, { documentId: documentHash(THING), variables: { id: '1' } }),
      'PERSISTED_DOCUMENT_NOT_FOUND',
      400,
    );
  });

  test('sending neither query nor documentId gets the usual answer', async () => {
    const response = await as(TAX_OFFICER, {});
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe('Must provide query string.');
  });
});

describe('reloading the manifest', () => {
  const reloadAndExpect = async (outcome: string) =>
    expect(await federation.gateway.reloadTrustedDocuments()).toBe(outcome);

  test('picks up a newly registered document without a restart', async () => {
    const withTax = { documentId: documentHash(THING_WITH_TAX), variables: { id: '1' } };
    await refused(as(BANK, withTax), 'PERSISTED_DOCUMENT_NOT_FOUND', 400);

    await writeFile(
      manifestPath,
      manifest({ 'demo-bank': [THING, THING_WITH_TAX], 'tax-board': [OWN_THING] }),
    );
    await reloadAndExpect('changed');

    expect((await as(BANK, withTax)).body.data).toEqual({
      thing: { name: 'First thing', taxNumber: 'T-001' },
    });
    await reloadAndExpect('unchanged');
  });

  test.each([
    [
      'a hash that is not the document’s',
      JSON.stringify({ clients: { 'demo-bank': { [documentHash(THING)]: RAW } } }),
      `clients.demo-bank.${documentHash(THING)}: the document's SHA-256 is ${documentHash(RAW)}, not its key`,
    ],
    [
      'a document that does not parse',
      manifest({ 'demo-bank': [THING, '{ thing(id: '] }),
      'the document does not parse: Syntax Error',
    ],
    [
      'no documents for a held client',
      manifest({ 'tax-board': [OWN_THING] }),
      'no documents for demo-bank, which may run only their own',
    ],
    [
      'a client name that names nobody',
      manifest({ 'Demo Bank': [THING] }),
      'clients.Demo Bank: must be an organisation code',
    ],
    ['broken JSON', '{"clients": {', 'not valid: not JSON: '],
  ])('refuses %s, says why, and keeps the last good manifest', async (_case, text, problem) => {
    await writeFile(manifestPath, text);
    await reloadAndExpect('rejected');

    const line = federation.log
      .lines()
      .findLast(
        (entry) =>
          entry.msg === 'trusted documents reload rejected; still serving the previous documents',
      );
    expect(String((line?.err as { message?: unknown } | undefined)?.message)).toContain(problem);
    expect(
      (await as(BANK, { documentId: documentHash(THING_WITH_TAX), variables: { id: '2' } })).body
        .data,
    ).toEqual({ thing: { name: 'Second thing', taxNumber: 'T-002' } });
  });
});

describe('a client of its own in the manifest', () => {
  test('runs its own documents rather than its organisation’s', async () => {
    await writeFile(
      manifestPath,
      manifest({ 'demo-bank': [THING], 'demo-bank/branch-portal': [OWN_THING] }),
    );
    expect(await federation.gateway.reloadTrustedDocuments()).toBe('changed');
    const portal = { ...BANK, sub: 'branch-portal', client_id: 'branch-portal' };

    expect((await as(portal, { documentId: documentHash(OWN_THING) })).body.data).toEqual({
      thing: { name: 'Second thing' },
    });
    await refused(
      as(portal, { documentId: documentHash(THING), variables: { id: '1' } }),
      'PERSISTED_DOCUMENT_NOT_FOUND',
      400,
    );
    expect(
      (await as(BANK, { documentId: documentHash(THING), variables: { id: '1' } })).body.data,
    ).toEqual({ thing: { name: 'First thing' } });
  });
});

describe('watching the manifest', () => {
  let watched: TestFederation;
  let path: string;
  beforeAll(async () => {
    path = join(directory, 'watched.json');
    await writeFile(path, manifest({ 'demo-bank': [THING] }));
    watched = await startTestFederation({
      watch: true,
      trustedDocuments: { path, heldClients: ['demo-bank'] },
    });
  });
  afterAll(() => watched.stop());

  test('a written manifest is picked up on its own', async () => {
    const ask = async () => {
      const token = await watched.auth.tokenFor(BANK);
      const body = JSON.stringify({ documentId: documentHash(OWN_THING) });
      const response = await postGraphQL(watched.graphqlUrl, body, {
        authorization: `Bearer ${token}`,
      });
      return response.body.data;
    };
    expect(await ask()).toBeUndefined();

    await writeFile(path, manifest({ 'demo-bank': [THING, OWN_THING] }));
    const deadline = Date.now() + 5_000;
    while ((await ask()) === undefined && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ask()).toEqual({ thing: { name: 'Second thing' } });
  });
});
