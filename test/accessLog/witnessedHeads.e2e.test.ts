import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { readAccessLogPublicKeys } from '../../platform/witness/accessLogKeys';
import { fileWitness } from '../../platform/witness/fileWitness';
import { governanceWitness } from '../../platform/witness/governanceWitness';
import { verifyWitnessedLog } from '../../platform/witness/verifyWitnessedLog';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation } from '../support/testFederation';

let db: Db;
let folder: string;
beforeAll(async () => {
  db = connectTestDatabase(2);
  folder = await mkdtemp(path.join(tmpdir(), 'witnessed-heads-'));
});
afterAll(async () => {
  await db?.destroy();
  await rm(folder, { recursive: true, force: true });
});

describe('agencies witnessing their access logs', () => {
  it('sign their head with their key and publish it to both witnesses when they shut down', async () => {
    const witnessFile = path.join(folder, 'heads.jsonl');
    // An interval far beyond the test: only the publication at shutdown can witness the request.
    const federation = await startTestFederation({ witnessIntervalMs: 3_600_000, witnessFile });
    let requestId: string | undefined;
    try {
      const { body, headers } = await federation.query(
        `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName } }`,
        { persona: 'caseworker', purpose: 'benefit-eligibility' },
      );
      expect(body.errors).toBeUndefined();
      requestId = headers.get('x-request-id')!;
    } finally {
      await federation.stop();
    }
    const [{ seq }] = await db('population.access_log')
      .where({ request_id: requestId! })
      .select('seq');

    const witnesses = [governanceWitness(db), fileWitness(witnessFile)];
    const inFile = await witnesses[1]!.heads('population');
    expect(inFile).toHaveLength(1);
    const report = await verifyWitnessedLog(db, 'population', {
      witnesses,
      publicKeys: readAccessLogPublicKeys('population'),
    });
    expect(report.problems).toEqual([]);
    expect(report.witnessed.upToSeq).toBeGreaterThanOrEqual(Number(seq));
  });

  it("governance signs its statistics log's head as well, apart from its access log's", async () => {
    const witnessFile = path.join(folder, 'statistics-heads.jsonl');
    const federation = await startTestFederation({ witnessIntervalMs: 3_600_000, witnessFile });
    try {
      const { body } = await federation.query(
        '{ statistics(population: PEOPLE, by: [SEX]) { margins { value } } }',
        { persona: 'statistician', purpose: 'official-statistics' },
      );
      expect(body.errors).toBeUndefined();
    } finally {
      await federation.stop();
    }
    const [{ seq }] = await db('governance.statistics_log').orderBy('seq', 'desc').limit(1);
    const witnesses = [fileWitness(witnessFile)];
    const payloads = (await witnesses[0]!.heads('governance')).map(
      ({ jws }) =>
        JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as {
          log?: string;
          seq: number;
        },
    );
    expect(payloads.filter((p) => p.log === 'statistics').map((p) => p.seq)).toEqual([Number(seq)]);
    const report = await verifyWitnessedLog(db, 'governance', {
      witnesses,
      publicKeys: readAccessLogPublicKeys('governance'),
      log: 'statistics',
    });
    expect(report.problems).toEqual([]);
    expect(report.witnessed.upToSeq).toBe(Number(seq));
  });
});
