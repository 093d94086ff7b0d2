import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { AGENCY_NAMES } from '../../platform/agencies';
import { postGraphQL, type GraphQLResponse } from '../../gateway/testing/postGraphQL';
import { connectTestRedis, type TestRedis } from '../../gateway/testing/testRedis';
import {
  connectTestDatabase,
  isEmbeddedTestDatabase,
  testDatabaseUrl,
} from '../support/testDatabase';
import {
  caseworkerHeaders,
  type Claimant,
  claimants,
  READ_AGENCIES,
  readOf,
  recordsOfCase,
  releasedParts,
} from './support/readPeople';
import { type ReplicaFederation, startReplicaFederation } from './support/replicaFederation';
import { revocationProbes } from './support/revocationProbes';

const PUBLIC_LIMIT = 6;
/** The codes a read may fail with while a replica it reached was killed under it. */
const FAULT_CODES = ['SUBGRAPH_UNAVAILABLE'];

// Processes that share one PostgreSQL server: the embedded database lives inside one process
// and gives all its clients one session, so it cannot host replicas in processes of their own.
const describeOnServer = isEmbeddedTestDatabase() ? describe.skip : describe;

let federation: ReplicaFederation;
let redis: TestRedis;
let db: Db;
let people: Claimant[];
const run = randomBytes(3).toString('hex');

beforeAll(async () => {
  if (isEmbeddedTestDatabase()) return;
  db = connectTestDatabase(3);
  redis = await connectTestRedis();
  people = await claimants(db, 240);
  federation = await startReplicaFederation({
    databaseUrl: testDatabaseUrl(),
    gatewayEnv: {
      REDIS_URL: redis.url,
      RATE_LIMIT_KEY_PREFIX: redis.keyPrefix,
      RATE_LIMIT_PUBLIC: `${PUBLIC_LIMIT}/600s`,
      RATE_LIMIT_CITIZEN: '100000/60s',
      RATE_LIMIT_CLIENT: '100000/60s',
      RATE_LIMIT_ORGANISATION: '100000/60s',
    },
  });
}, 300_000);
afterAll(async () => {
  await federation?.stop();
  await redis?.close();
  await db?.destroy();
}, 120_000);

/** One read of a claimant in a case of its own, with what came back. */
interface Read {
  person: Claimant;
  caseId: string;
  response: GraphQLResponse | { status: number; text: string };
}

/** Reads every person, `concurrency` at a time, through `url`; `during` runs once `after` are in. */
async function readAll(
  url: () => string,
  persons: Claimant[],
  label: string,
  options: { concurrency: number; after?: number; during?: () => void } = { concurrency: 8 },
): Promise<Read[]> {
  const reads: Read[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < persons.length) {
      const index = next++;
      const person = persons[index]!;
      const caseId = `REPLICA-${run}-${label}-${index}`;
      const response = await post(
        url(),
        readOf(person.nationalId),
        await caseworkerHeaders(caseId),
      );
      reads[index] = { person, caseId, response };
      done += 1;
      if (done === options.after) options.during?.();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return reads;
}

/**
 * A GraphQL answer, or the status and text of what is not one: a balancer's own 502, or
 * (status 0) no answer at all. Sent once: a read is never repeated behind the test's back.
 */
async function post(
  url: string,
  query: string,
  headers: Record<string, string>,
): Promise<Read['response']> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  }).catch(() => null);
  if (!response) return { status: 0, text: 'no answer' };
  const text = await response.text().catch(() => null);
  if (text === null) return { status: 0, text: 'the answer was cut off' };
  try {
    const body = JSON.parse(text) as GraphQLResponse['body'];
    return { status: response.status, headers: response.headers, body };
  } catch {
    return { status: response.status, text };
  }
}

const isGraphQL = (response: Read['response']): response is GraphQLResponse => 'body' in response;

/**
 * Checks one read against the three access logs: each agency that released its part of the
 * person has exactly one record of it, under the request's id, naming the person; one that
 * released nothing has at most one (a record whose answer was lost with its replica).
 * Returns how many agencies released nothing though they had recorded.
 */
async function expectRecorded(read: Read): Promise<{ released: number; recordedButLost: number }> {
  const outcome = { released: 0, recordedButLost: 0 };
  const { response, person, caseId } = read;
  const parts = isGraphQL(response) ? releasedParts(response.body.data) : null;
  const requestId = isGraphQL(response) ? response.headers.get('x-request-id') : null;
  for (const agency of READ_AGENCIES) {
    const rows = await recordsOfCase(db, agency, caseId);
    if (parts?.[agency] != null) {
      outcome.released += 1;
      expect({ caseId, agency, rows }).toEqual({
        caseId,
        agency,
        rows: [{ request_id: requestId, subject_id: person.nationalId }],
      });
    } else {
      expect({ caseId, agency, recorded: rows.length <= 1 }).toEqual({
        caseId,
        agency,
        recorded: true,
      });
      if (rows.length === 1) outcome.recordedButLost += 1;
    }
  }
  if (parts?.population != null) expect(parts.population).toBe(person.givenName);
  if (parts?.tax != null) expect(parts.tax).toEqual([{ taxableIncome: person.taxableIncome }]);
  if (parts?.social != null)
    expect((parts.social as { benefit: string }[]).map(({ benefit }) => benefit).sort()).toEqual(
      person.benefits,
    );
  return outcome;
}

async function expectEveryChainUnbroken() {
  for (const schema of AGENCY_NAMES) {
    const report = await verifyAccessLog(db, schema);
    expect({ schema, problem: report.problem }).toEqual({ schema, problem: undefined });
  }
}

describeOnServer(
  'two gateways and two replicas of population, tax and social on one database',
  () => {
    it('under load spread over both gateways and every replica, records every release once, each chain unbroken', async () => {
      const reads = await readAll(
        () => federation.front.origin + '/graphql',
        people.slice(0, 80),
        'load',
        {
          concurrency: 8,
        },
      );
      for (const read of reads) {
        expect(isGraphQL(read.response) && read.response.body.errors).toBe(undefined);
        expect(await expectRecorded(read)).toEqual({ released: 3, recordedButLost: 0 });
      }
      // The load reached both gateways and both replicas of each replicated subgraph.
      for (const balancer of [federation.front, ...Object.values(federation.balancers)])
        expect(Math.min(...balancer.answered())).toBeGreaterThan(0);
      await expectEveryChainUnbroken();
    }, 300_000);

    it("holds the public's limit, counted in Redis, across both gateways together", async () => {
      const answers = await Promise.all(
        Array.from({ length: 2 * PUBLIC_LIMIT }, (_, index) =>
          postGraphQL(federation.gateways[index % 2]!.graphqlUrl, { query: '{ __typename }' }),
        ),
      );
      const answered = answers.filter(({ status }) => status === 200);
      const limited = answers.filter(({ status }) => status === 429);
      expect(answered).toHaveLength(PUBLIC_LIMIT);
      expect(limited).toHaveLength(PUBLIC_LIMIT);
      for (const { body } of answered) expect(body).toEqual({ data: { __typename: 'Query' } });
      for (const { body } of limited)
        expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Both gateways refuse once the limit is spent, whichever answered the first requests.
      for (const gateway of federation.gateways)
        expect((await postGraphQL(gateway.graphqlUrl, { query: '{ __typename }' })).status).toBe(
          429,
        );
    }, 60_000);

    it('applies a revocation in every gateway and every replica within a second', async () => {
      const probes = await revocationProbes(db, federation, people[0]!.nationalId);
      try {
        await probes.expectAllAllowed();
        const revokedAt = await probes.revoke();
        // A read sent a second after the store confirmed the revocation, to each gateway and to
        // each subgraph process directly, is refused; so is the next one.
        expect(await probes.releasingAfter(revokedAt, 1_000)).toEqual([]);
        expect(probes.names()).toHaveLength(8);
      } finally {
        await probes.remove();
      }
    }, 120_000);

    it('loses no record when one replica of each is killed mid-load: every read answered and recorded, or refused with a clear error', async () => {
      const killed = () => {
        federation.gateways[1]!.kill();
        for (const agency of ['population', 'tax', 'social'] as const)
          federation.subgraphs[agency][1]!.kill();
      };
      const reads = await readAll(
        () => federation.front.origin + '/graphql',
        people.slice(80, 240),
        'kill',
        { concurrency: 12, after: 40, during: killed },
      );
      const totals = { answered: 0, failed: 0, recordedButLost: 0 };
      for (const read of reads) {
        const { response } = read;
        if (isGraphQL(response)) {
          const codes = (response.body.errors ?? []).map((error) => error.extensions?.code);
          expect({
            caseId: read.caseId,
            codes: codes.filter((code) => !FAULT_CODES.includes(code as string)),
          }).toEqual({
            caseId: read.caseId,
            codes: [],
          });
          if (codes.length === 0) totals.answered += 1;
          else totals.failed += 1;
        } else {
          // The front balancer's own answer for a request its gateway died under.
          expect(response.status).toBe(502);
          totals.failed += 1;
        }
        totals.recordedButLost += (await expectRecorded(read)).recordedButLost;
      }
      process.stderr.write(`killed mid-load: ${JSON.stringify(totals)}\n`);
      expect(totals.answered).toBeGreaterThan(0);
      // After the kill the survivors serve everything.
      for (const read of await readAll(
        () => federation.front.origin + '/graphql',
        people.slice(0, 20),
        'after',
        { concurrency: 4 },
      )) {
        expect(isGraphQL(read.response) && read.response.body.errors).toBe(undefined);
        expect(await expectRecorded(read)).toEqual({ released: 3, recordedButLost: 0 });
      }
      await expectEveryChainUnbroken();
    }, 300_000);
  },
);
