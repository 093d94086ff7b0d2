import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentHash } from '../gateway/trustedDocuments/documentHash';
import { parseTrustedDocuments } from '../gateway/trustedDocuments/parseTrustedDocuments';
import { repoRoot } from '../platform/repoRoot';
import { readTrustedDocuments, trustedDocumentsManifest } from './trustedDocumentsManifest';

const SCHEMA_DIR = path.join(repoRoot(), 'schema');
const supergraph = () => readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');

test('the checked-in manifest is what the documents and the supergraph give now (run `npm run trusted-documents` if not)', async () => {
  const documents = await readTrustedDocuments(
    path.join(SCHEMA_DIR, 'trusted-documents'),
    await supergraph(),
  );
  const checkedIn = await readFile(path.join(SCHEMA_DIR, 'trusted-documents.json'), 'utf8');
  expect(checkedIn).toBe(trustedDocumentsManifest(documents));
  expect(documents.map(({ client, file }) => [client, file])).toEqual([
    ['demo-bank', 'demo-bank/LoanAffordabilityCheck.graphql'],
    ['demo-bank', 'demo-bank/LoanApplicant.graphql'],
    ['demo-bank', 'demo-bank/LoanApplicantIncome.graphql'],
  ]);
  expect(parseTrustedDocuments(JSON.parse(checkedIn)).get('demo-bank')?.size).toBe(3);
});

describe('reading documents', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'govgraph-documents-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  async function write(file: string, text: string) {
    await mkdir(path.dirname(path.join(directory, file)), { recursive: true });
    await writeFile(path.join(directory, file), text);
  }

  test('gives each client its documents in canonical form, whatever the layout and comments', async () => {
    await write(
      'police/Plate.graphql',
      '# a plate\nquery Plate($r: ID!) {\n vehicle(registrationNumber: $r) { make } }',
    );
    await write(
      'police/traffic-camera/Plate.graphql',
      'query Plate($r: ID!) { vehicle(registrationNumber: $r) { make } }',
    );
    await write('police/notes.txt', 'not a document');
    const documents = await readTrustedDocuments(directory, await supergraph());

    const canonical =
      'query Plate($r: ID!) {\n  vehicle(registrationNumber: $r) {\n    make\n  }\n}';
    expect(documents).toEqual([
      {
        client: 'police',
        file: 'police/Plate.graphql',
        document: canonical,
        documentId: documentHash(canonical),
      },
      {
        client: 'police/traffic-camera',
        file: 'police/traffic-camera/Plate.graphql',
        document: canonical,
        documentId: documentHash(canonical),
      },
    ]);
    expect(parseTrustedDocuments(JSON.parse(trustedDocumentsManifest(documents))).size).toBe(2);
  });

  test('refuses, naming each file, documents that do not fit the supergraph or a client', async () => {
    await write('demo-bank/Salary.graphql', '{ person(nationalId: "1") { salary } }');
    await write('demo-bank/Broken.graphql', '{ person(');
    await write('Demo Bank/Me.graphql', '{ me { givenName } }');
    const error: unknown = await readTrustedDocuments(directory, await supergraph()).catch(
      (thrown: unknown) => thrown,
    );
    const message = (error as Error).message;
    expect(message).toContain(
      'demo-bank/Salary.graphql: Cannot query field "salary" on type "Person".',
    );
    expect(message).toContain('demo-bank/Broken.graphql: Syntax Error');
    expect(message).toContain(
      'Demo Bank/Me.graphql: Demo Bank is not an organisation code or <organisation>/<subject>',
    );
  });
});
