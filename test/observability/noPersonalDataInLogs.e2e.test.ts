import { SHOWCASE } from '../../demo/showcase';
import { createLogger } from '../../platform/logging/logger';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/** Every line the federation logs, at its most verbose level, runtime's own lines included. */
const lines: string[] = [];
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({
    logger: createLogger('test', 'trace', { destination: { write: (line) => lines.push(line) } }),
  });
});
afterAll(() => federation?.stop());

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the logs of a request that releases personal data', () => {
  let released: {
    nationalId: string;
    givenName: string;
    familyName: string;
    address: { street: string; postalCode: string };
    household: { members: { nationalId: string; givenName: string }[] };
  };
  let requestId: string;
  let token: string;

  beforeAll(async () => {
    const headers = await federation.headersFor({
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
    });
    token = headers.authorization!.replace(/^Bearer /, '');
    lines.length = 0;
    const { body, headers: answered } = await federation.query<{ person: typeof released }>(
      `query CaseFile($id: ID!) {
        person(nationalId: $id) {
          nationalId givenName familyName
          address { street postalCode }
          household { members { nationalId givenName } }
          incomeAssessments { year taxableIncome }
        }
      }`,
      { variables: { id: SHOWCASE.nationalId }, headers },
    );
    expect(body.errors).toBeUndefined();
    released = body.data!.person;
    requestId = answered.get('x-request-id')!;
  });

  it('has one line at the gateway with who, why, what, where and how long', () => {
    const requestLines = logged().filter((line) => line.msg === 'gateway request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      requestId,
      callerKind: 'organisation',
      organisation: 'social-insurance',
      purpose: 'benefit-eligibility',
      operationName: 'CaseFile',
      httpStatus: 200,
      status: 'ok',
      errorCodes: [],
    });
    expect(requestLines[0]!.subgraphs).toEqual(expect.arrayContaining(['population', 'tax']));
    expect(typeof requestLines[0]!.durationMs).toBe('number');
  });

  it('has a line for each subgraph call, under the same request id', () => {
    const subgraphLines = logged().filter((line) => line.msg === 'subgraph request');
    expect(subgraphLines.map((line) => line.subgraph)).toEqual(
      expect.arrayContaining(['population', 'tax']),
    );
    for (const line of subgraphLines) {
      expect(line).toMatchObject({
        requestId,
        callerKind: 'organisation',
        organisation: 'social-insurance',
        purpose: 'benefit-eligibility',
        status: 'ok',
      });
      expect(typeof line.durationMs).toBe('number');
    }
  });

  it('holds no national id, name, address or token of the request anywhere, at any level', () => {
    expect(lines.length).toBeGreaterThan(2);
    const everything = lines.join('\n');
    const secrets = [
      released.nationalId,
      released.givenName,
      released.familyName,
      released.address.street,
      released.address.postalCode,
      ...released.household.members.flatMap((member) => [member.nationalId, member.givenName]),
      token,
      token.split('.')[2]!,
    ];
    expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
    // No token of any kind: the gateway's own tokens to the subgraphs are JWTs too.
    expect(everything).not.toMatch(/eyJ[\w-]{10,}/);
  });
});
