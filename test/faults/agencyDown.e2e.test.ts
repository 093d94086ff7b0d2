import { SHOWCASE } from '../../demo/showcase';
import { expectData } from '../authorization/support/graphqlExpectations';
import { report } from '../authorization/support/timeUntil';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/** The tax agency's timeout in this test; every other agency keeps the default. */
const TAX_TIMEOUT_MS = 500;

// The gateway reaches the tax agency through a relay this test can slow down.
let proxy: TcpProxy | undefined;
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({
    subgraphTimeouts: { defaultMs: 5_000, bySubgraph: { tax: TAX_TIMEOUT_MS } },
    gatewayRoute: async (agency, url) => {
      if (agency !== 'tax') return url;
      proxy = await startTcpProxy(url);
      return proxy.url;
    },
  });
});
afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
});

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;
const READ = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName familyName incomeAssessments(year: 2025) { year } }
  company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`;
const FULL = {
  person: { givenName: 'Mari', familyName: 'Tamm', incomeAssessments: [{ year: 2025 }] },
  company: { name: 'Tamm Tarkvara OÜ' },
};
/** What the response has without the tax agency: everything else, and a null where its data was. */
const WITHOUT_TAX = {
  person: { givenName: 'Mari', familyName: 'Tamm', incomeAssessments: null },
  company: { name: 'Tamm Tarkvara OÜ' },
};

describe('an agency that is down', () => {
  it('costs only its own fields, with SUBGRAPH_UNAVAILABLE, and is back when it returns', async () => {
    expect(expectData(await federation.query(READ, CASEWORKER))).toEqual(FULL);

    await federation.stopSubgraph('tax');
    try {
      const { status, body } = await federation.query(READ, CASEWORKER);
      expect(status).toBe(200);
      expect(body.data).toEqual(WITHOUT_TAX);
      expect(body.errors).toEqual([
        {
          message:
            'The tax subgraph cannot be reached; its data is missing from this response: try again later',
          path: ['person', 'incomeAssessments'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tax' },
        },
      ]);
      // dataUse names only the agencies whose data the response carries.
      const dataUse = (body.extensions?.dataUse ?? []) as { agency: string }[];
      expect(dataUse.map((entry) => entry.agency)).toContain('population');
      expect(dataUse.map((entry) => entry.agency)).not.toContain('tax');
    } finally {
      await federation.restartSubgraph('tax');
    }
    // No restart of the gateway: its next call reaches the agency again.
    expect(expectData(await federation.query(READ, CASEWORKER))).toEqual(FULL);
  });
});

describe('an agency that is slow', () => {
  it(`is answered without it after its timeout (${TAX_TIMEOUT_MS} ms), with SUBGRAPH_TIMEOUT, and in full once it is fast again`, async () => {
    proxy!.setLatency(TAX_TIMEOUT_MS * 4);
    try {
      const started = performance.now();
      const { status, body } = await federation.query(READ, CASEWORKER);
      report('answered without the slow agency after', Math.round(performance.now() - started));
      expect(status).toBe(200);
      expect(body.data).toEqual(WITHOUT_TAX);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: `The tax subgraph did not answer within ${TAX_TIMEOUT_MS} ms; its data is missing from this response: try again later`,
          path: ['person', 'incomeAssessments'],
          extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'tax' },
        }),
      ]);
    } finally {
      proxy!.setLatency(0);
    }
    expect(expectData(await federation.query(READ, CASEWORKER))).toEqual(FULL);
  });
});
