import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { expectData, forbiddenErrors, valueAt } from './support/graphqlExpectations';

const STATISTICIAN = { persona: 'statistician', purpose: 'official-statistics' };
const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };

interface CatalogField {
  agency: string;
  name: string;
  classification: string;
  access: {
    decision: string;
    reason: string;
    purpose: string | null;
    agreement: { id: string } | null;
  };
  grants: { id: string; decision: string; purposes: string[] }[];
}

const CATALOG = `query($agency: String, $type: String) {
  dataCatalog(agency: $agency, type: $type) {
    agency name classification
    access { decision reason purpose agreement { id } }
    grants { id decision purposes }
  }
}`;

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

async function catalogFor(
  as: { persona?: string; purpose?: string },
  variables: { agency?: string; type?: string } = {},
): Promise<Map<string, CatalogField>> {
  const response = await federation.query<{ dataCatalog: CatalogField[] }>(CATALOG, {
    ...as,
    variables,
  });
  const { dataCatalog } = expectData<{ dataCatalog: CatalogField[] }>(response);
  return new Map(dataCatalog.map((field) => [`${field.agency}/${field.name}`, field]));
}

/** Every field a client can select through the gateway, as `Type.field`. */
async function clientVisibleFields(): Promise<Set<string>> {
  const response = await federation.query<{
    __schema: { types: { name: string; kind: string; fields: { name: string }[] | null }[] };
  }>('{ __schema { types { name kind fields { name } } } }');
  const { __schema } = expectData<{
    __schema: { types: { name: string; kind: string; fields: { name: string }[] | null }[] };
  }>(response);
  return new Set(
    __schema.types
      .filter((type) => type.kind === 'OBJECT' && !type.name.startsWith('__'))
      .flatMap((type) => (type.fields ?? []).map((field) => `${type.name}.${field.name}`)),
  );
}

describe('the data catalog through the gateway', () => {
  it("shows a statistician the register's variables as aggregates and its microdata denied, with reasons", async () => {
    const statistics = await catalogFor(STATISTICIAN, { agency: 'population', type: 'Statistics' });
    expect(statistics.get('population/Statistics.municipality')).toMatchObject({
      classification: 'AGGREGATE',
      access: {
        decision: 'ALLOWED',
        purpose: 'official-statistics',
        reason: expect.stringContaining('under agreement DSA-STAT-POP-01'),
        agreement: { id: 'DSA-STAT-POP-01' },
      },
      grants: [{ id: 'DSA-STAT-POP-01', decision: 'ALLOWED', purposes: ['official-statistics'] }],
    });
    const catalog = await catalogFor(STATISTICIAN, { type: 'Person' });
    expect(catalog.get('population/Person.dateOfBirth')).toMatchObject({
      classification: 'PERSONAL',
      access: {
        decision: 'DENIED',
        reason:
          'no agreement grants population/Person.dateOfBirth to statistics-office for official-statistics',
      },
    });
    expect(catalog.get('population/Person.givenName')).toMatchObject({
      access: {
        decision: 'DENIED',
        reason:
          'no agreement grants population/Person.givenName to statistics-office for official-statistics',
        agreement: null,
      },
      grants: [],
    });
  });

  it('shows a caseworker IncomeAssessment.taxableIncome allowed under DSA-SIB-TAX-01', async () => {
    const catalog = await catalogFor(CASEWORKER, { agency: 'tax', type: 'IncomeAssessment' });
    expect(catalog.get('tax/IncomeAssessment.taxableIncome')).toMatchObject({
      access: { decision: 'ALLOWED', agreement: { id: 'DSA-SIB-TAX-01' } },
      grants: [{ id: 'DSA-SIB-TAX-01', decision: 'ALLOWED', purposes: ['benefit-eligibility'] }],
    });
  });

  it.each([
    ['statistician', STATISTICIAN],
    ['caseworker', CASEWORKER],
  ])(
    "tells the %s the truth: each of a person's fields is released or refused as it says",
    async (_name, as) => {
      const catalog = await catalogFor(as, { agency: 'population', type: 'Person' });
      const scalars = [
        'nationalId',
        'givenName',
        'familyName',
        'dateOfBirth',
        'sex',
        'dateOfDeath',
      ];
      for (const field of scalars) {
        const described = catalog.get(`population/Person.${field}`)!;
        // Through the register list, which any caller may page (a lookup by national ID is
        // only for callers who may identify people).
        const response = await federation.query(`{ people(first: 1) { nodes { ${field} } } }`, as);
        const refusal = forbiddenErrors(response)[0];
        if (described.access.decision === 'DENIED') {
          expect(refusal?.message).toBe(`Access denied: ${described.access.reason}`);
        } else {
          expect(refusal).toBeUndefined();
          if (field !== 'dateOfDeath')
            expect(valueAt(response.body.data, ['people', 'nodes', 0, field])).not.toBeNull();
        }
      }
    },
  );

  it('lists every field of the graph, each with a classification', async () => {
    const catalog = await catalogFor({});
    const file = JSON.parse(
      readFileSync(path.join(repoRoot(), 'schema', 'catalog.json'), 'utf8'),
    ) as { agencies: { types: { fields: unknown[] }[] }[] };
    const inFile = file.agencies.flatMap((a) => a.types).flatMap((t) => t.fields).length;
    expect(catalog.size).toBe(inFile);
    for (const field of catalog.values()) {
      expect(['PUBLIC', 'INTERNAL', 'PERSONAL', 'SPECIAL_CATEGORY', 'AGGREGATE']).toContain(
        field.classification,
      );
    }
    const described = new Set([...catalog.values()].map((field) => field.name));
    expect([...(await clientVisibleFields())].filter((name) => !described.has(name))).toEqual([]);
  });
});
