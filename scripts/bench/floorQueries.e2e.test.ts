import type { Db } from '../../platform/db/createDb';
import { encodeCursor } from '../../platform/pagination/cursor';
import { SHOWCASE } from '../../demo/showcase';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { startTestFederation, type TestFederation } from '../../test/support/testFederation';
import { type DocumentStyle, WORKLOAD_NAMES, type WorkloadName } from './benchArgs';
import { floorAnswer } from './floorQueries';
import { type BenchSubjects, benchRequest, WORKLOADS } from './workloads';

let federation: TestFederation;
let db: Db;
let subjects: BenchSubjects;
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  const nationalIds: string[] = await db('population.person')
    .orderBy('list_key')
    .limit(3)
    .pluck('national_id');
  subjects = {
    nationalIds: [SHOWCASE.nationalId, ...nationalIds],
    registryCodes: await db('business.company')
      .orderBy('registry_code')
      .limit(4)
      .pluck('registry_code'),
    listKeys: await db('population.person').orderBy('list_key').limit(2).pluck('list_key'),
    cursorOf: (listKey) => encodeCursor(listKey),
  };
});
afterAll(async () => {
  await db?.destroy();
  await federation?.stop();
});

/** What the graph answers for the i-th request of a workload, as the bench sends it to govgraph. */
async function graphAnswer(name: WorkloadName, i: number, documents: DocumentStyle) {
  const workload = WORKLOADS[name];
  const subject = workload.subject(i, subjects);
  const request = benchRequest(workload, subject, subjects, documents);
  const response = await federation.query(request.query, {
    persona: workload.persona,
    subject: workload.asSubject ? subject : undefined,
    purpose: workload.purpose,
    ...(request.variables ? { variables: request.variables } : {}),
  });
  expect(response.body.errors).toBeUndefined();
  return { subject, data: response.body.data };
}

describe.each(WORKLOAD_NAMES)('the floor answers %s as the graph does', (name) => {
  it.each([0, 1, 2])('for subject %i, in either document style', async (i) => {
    const { subject, data } = await graphAnswer(name, i, 'variables');
    expect(data).not.toBeNull();
    expect((await floorAnswer(db, name, subject)).data).toEqual(data);
    expect((await graphAnswer(name, i, 'literals')).data).toEqual(data);
  });
});
