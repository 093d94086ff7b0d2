import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../testing/memoryLogger';
import { documentHash } from './documentHash';
import { createTrustedDocumentSource, TrustedDocumentsError } from './trustedDocumentSource';

const DOCUMENT = 'query Thing { thing(id: "1") { name } }';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'govgraph-trusted-source-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function startWith(json: unknown, heldClients: string[] = []) {
  const path = join(directory, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(json));
  return createTrustedDocumentSource(path, heldClients, memoryLogger().logger);
}

test('loads the documents of each client by hash', async () => {
  const source = await startWith({
    $comment: 'generated',
    clients: { 'demo-bank': { [documentHash(DOCUMENT)]: DOCUMENT } },
  });
  expect(source.current().get('demo-bank')?.get(documentHash(DOCUMENT))).toBe(DOCUMENT);
});

test.each([
  [
    'an entry whose hash does not match its document',
    { clients: { 'demo-bank': { [documentHash(DOCUMENT)]: `${DOCUMENT} ` } } },
    `the document's SHA-256 is ${documentHash(`${DOCUMENT} `)}, not its key`,
  ],
  [
    'a key that is no SHA-256 hash',
    { clients: { 'demo-bank': { 'Thing-v1': DOCUMENT } } },
    'clients.demo-bank.Thing-v1: must be a SHA-256 hash in lowercase hex',
  ],
  [
    'a document of fragments only',
    {
      clients: {
        'demo-bank': {
          [documentHash('fragment F on Thing { name }')]: 'fragment F on Thing { name }',
        },
      },
    },
    'the document holds no operation',
  ],
  [
    'a field the manifest does not have',
    { clients: {}, documents: {} },
    'Unrecognized key: "documents"',
  ],
])('does not start with %s, and says why', async (_case, json, problem) => {
  const error: unknown = await startWith(json).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(TrustedDocumentsError);
  expect((error as Error).message).toContain(problem);
});

test('names every problem at once', async () => {
  const error: unknown = await startWith(
    {
      clients: {
        'Demo Bank': { [documentHash(DOCUMENT)]: DOCUMENT },
        police: { [documentHash(DOCUMENT)]: 'query {' },
      },
    },
    ['tax-board'],
  ).catch((thrown: unknown) => thrown);
  const message = (error as Error).message;
  expect(message).toContain('clients.Demo Bank: must be an organisation code');
  expect(message).toContain(`clients.police.${documentHash(DOCUMENT)}: the document's SHA-256`);
});

test('does not start without documents for a held client', async () => {
  await expect(startWith({ clients: {} }, ['demo-bank/loan-service'])).rejects.toThrow(
    'no documents for demo-bank/loan-service, which may run only their own',
  );
  // Its organisation's documents are its own.
  const source = await startWith(
    { clients: { 'demo-bank': { [documentHash(DOCUMENT)]: DOCUMENT } } },
    ['demo-bank/loan-service'],
  );
  expect(source.current().size).toBe(1);
});

test('does not start without the file', async () => {
  await expect(
    createTrustedDocumentSource(join(directory, 'none.json'), [], memoryLogger().logger),
  ).rejects.toThrow(/cannot read the trusted documents at .*none\.json: ENOENT/);
});
