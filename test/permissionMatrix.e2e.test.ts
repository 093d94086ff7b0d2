import { SUBGRAPH_POLICIES } from '../subgraphs/policies';
import {
  expectedFor,
  MASKED_VALUES,
  PERSONAS,
  type Expected,
} from './permissionMatrix/expectations';
import { probeFor, typesReached, type FieldProbe } from './permissionMatrix/fieldPaths';
import { startTestFederation, type TestFederation } from './support/testFederation';

// Structural types (pages, connections) and root fields are public entry points, not data.
const STRUCTURAL = new Set([
  'Query',
  'Mutation',
  'PersonConnection',
  'CompanyConnection',
  'PageInfo',
]);

/** Every client-visible field the six agencies serve, from their field policies. */
function classifiedFields(): string[] {
  return Object.values(SUBGRAPH_POLICIES).flatMap((policy) =>
    Object.entries(policy.types)
      .filter(([type]) => !STRUCTURAL.has(type) && typesReached().includes(type))
      .flatMap(([type, { fields }]) =>
        Object.entries(fields)
          .filter(([, rule]) => typeof rule === 'string' || (!rule.joinKey && !rule.auditTrail))
          .map(([field]) => `${type}.${field}`),
      ),
  );
}

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

interface Observation {
  outcome: Expected | 'unexpected';
  value: unknown;
  detail?: string;
}

async function observe(probe: FieldProbe, persona: string, purpose?: string): Promise<Observation> {
  const { body } = await federation.query(probe.query, { persona, purpose });
  const forbidden = (body.errors ?? []).find(
    (error) => error.extensions?.code === 'FORBIDDEN' && isPrefix(error.path ?? [], probe.path),
  );
  const others = (body.errors ?? []).filter((error) => error !== forbidden);
  if (others.length > 0)
    return {
      outcome: 'unexpected',
      value: undefined,
      detail: others.map((e) => e.message).join('; '),
    };
  const value = valueAt(body.data, probe.path);
  if (forbidden)
    return value === null || value === undefined
      ? { outcome: 'denied', value }
      : { outcome: 'unexpected', value, detail: 'denied but a value was returned' };
  return { outcome: 'full', value };
}

function isPrefix(errorPath: readonly (string | number)[], path: string[]): boolean {
  return (
    errorPath.length <= path.length &&
    errorPath.every((segment, index) => String(segment) === path[index])
  );
}

function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node === null || node === undefined ? node : (node as Record<string, unknown>)[key],
    data,
  );
}

describe('the permission matrix: every persona, every classified field, through the gateway', () => {
  const fields = classifiedFields();

  it('covers every client-visible field of every agency', () => {
    expect(fields.length).toBeGreaterThan(60);
    for (const persona of PERSONAS)
      for (const field of persona.full.concat(persona.masked ?? []))
        expect(fields).toContain(field);
  });

  it('gives each persona exactly the expected decision on each field', async () => {
    // The reference value of each field: what the first persona entitled to it in full sees.
    const reference = new Map<string, unknown>();
    for (const field of fields) {
      const entitled = PERSONAS.find((persona) => expectedFor(persona, field) === 'full');
      if (!entitled) continue;
      const seen = await observe(probeFor(field), entitled.persona, entitled.purpose);
      reference.set(field, seen.value);
    }

    const mismatches: string[] = [];
    const table: Record<string, Record<string, string>> = {};
    for (const persona of PERSONAS) {
      for (const field of fields) {
        const expected = expectedFor(persona, field);
        const seen = await observe(probeFor(field), persona.persona, persona.purpose);
        let outcome: string = seen.outcome;
        if (seen.outcome === 'full' && expected === 'masked') {
          const maskedValue = field in MASKED_VALUES ? MASKED_VALUES[field] : reference.get(field);
          outcome =
            JSON.stringify(seen.value) === JSON.stringify(maskedValue) ? 'masked' : 'unexpected';
        } else if (
          seen.outcome === 'full' &&
          JSON.stringify(seen.value) !== JSON.stringify(reference.get(field))
        ) {
          outcome = 'unexpected';
        }
        (table[field] ??= {})[persona.persona] = outcome;
        if (outcome !== expected)
          mismatches.push(
            `${persona.persona} on ${field}: expected ${expected}, saw ${outcome}${seen.detail ? ` (${seen.detail})` : ''}`,
          );
      }
    }
    if (process.env.PRINT_PERMISSION_MATRIX)
      process.stderr.write(`${JSON.stringify(table, null, 1)}\n`);
    expect(mismatches).toEqual([]);
  });
});
