import type { Acknowledgement } from './acknowledgedChanges';
import { checkSchema, type ComposedGraph } from './checkSchema';
import { catalogOf, type FixtureField, supergraphOf } from './testing/schemaFixtures';

const PERSON = `
  type Query { person(nationalId: ID!): Person }
  type Person @key(fields: "nationalId") {
    nationalId: ID!
    givenName: String
    familyName: String
  }`;
const GOVERNANCE: Record<string, FixtureField> = {
  'Query.person': 'personal',
  'Person.nationalId': 'personal',
  'Person.givenName': 'personal',
  'Person.familyName': 'personal',
};

const graph = (sdl: string, fields = GOVERNANCE): ComposedGraph => ({
  supergraph: supergraphOf(sdl),
  catalog: catalogOf(fields),
});
const BASE = graph(PERSON);

async function check(current: ComposedGraph, acknowledgements: Acknowledgement[] = []) {
  const report = await checkSchema(BASE, current, acknowledgements);
  const line = (c: (typeof report.changes)[number]) => `${c.criticality} ${c.id}`;
  return { ...report, lines: report.changes.map(line) };
}

it('passes when nothing changed', async () => {
  expect(await check(BASE)).toMatchObject({ lines: [], stale: [], passed: true });
});

it('fails on a removed field', async () => {
  const report = await check(graph(PERSON.replace('familyName: String', '')));
  expect(report.lines).toEqual(['BREAKING FIELD_REMOVED:Person.familyName']);
  expect(report).toMatchObject({ passed: false, unacknowledged: 1 });
});

it('passes a removed field that is acknowledged, and says why', async () => {
  const reason = 'family names moved to the civil register';
  const report = await check(graph(PERSON.replace('familyName: String', '')), [
    { change: 'FIELD_REMOVED:Person.familyName', reason },
  ]);
  expect(report).toMatchObject({ passed: true, unacknowledged: 0, stale: [] });
  expect(report.changes[0]).toMatchObject({ acknowledged: reason });
});

it('passes a new optional field', async () => {
  const report = await check(
    graph(PERSON.replace('familyName: String', 'familyName: String\n nickname: String')),
  );
  expect(report.lines).toEqual(['NON_BREAKING FIELD_ADDED:Person.nickname']);
  expect(report.passed).toBe(true);
});

it('fails on a new required argument, and passes a new optional one', async () => {
  const required = await check(
    graph(PERSON.replace('person(nationalId: ID!)', 'person(nationalId: ID!, asOf: String!)')),
  );
  expect(required.lines).toEqual(['BREAKING FIELD_ARGUMENT_ADDED:Query.person.asOf']);
  expect(required.passed).toBe(false);
  const optional = await check(
    graph(PERSON.replace('person(nationalId: ID!)', 'person(nationalId: ID!, asOf: String)')),
  );
  expect(optional.passed).toBe(true);
});

it('fails on a narrowed type: a list where one value was', async () => {
  const report = await check(graph(PERSON.replace('givenName: String', 'givenName: [String]')));
  expect(report.lines).toEqual(['BREAKING FIELD_TYPE_CHANGED:Person.givenName']);
  expect(report.passed).toBe(false);
});

it('reports a classification made less restrictive, and fails', async () => {
  const report = await check(graph(PERSON, { ...GOVERNANCE, 'Person.givenName': 'public' }));
  expect(report.lines).toEqual([
    'BREAKING CLASSIFICATION_LESS_RESTRICTIVE:population/Person.givenName',
  ]);
  expect(report.changes[0]!.message).toBe(
    "Classification of 'population/Person.givenName' changed from 'personal' to 'public' (less restrictive)",
  );
  expect(report.passed).toBe(false);
});

it('reports a classification made more restrictive, and fails unless acknowledged', async () => {
  const current = graph(PERSON, { ...GOVERNANCE, 'Person.familyName': 'special-category' });
  const id = 'CLASSIFICATION_MORE_RESTRICTIVE:population/Person.familyName';
  expect((await check(current)).lines).toEqual([`BREAKING ${id}`]);
  expect((await check(current, [{ change: id, reason: 'art. 9 ruling' }])).passed).toBe(true);
});

it('reports masked forms and reservations gained and lost', async () => {
  const base = {
    ...GOVERNANCE,
    'Person.familyName': { classification: 'personal', maskedForm: 'initial' },
  } as const;
  const report = await checkSchema(
    graph(PERSON, base),
    graph(PERSON, {
      ...GOVERNANCE,
      'Person.givenName': {
        classification: 'personal',
        maskedForm: 'initial',
        reservedTo: ['citizen'],
      },
    }),
    [],
  );
  expect(report.changes.map((c) => c.id).sort()).toEqual([
    'MASKED_FORM_ADDED:population/Person.givenName',
    'MASKED_FORM_REMOVED:population/Person.familyName',
    'RESERVATION_ADDED:population/Person.givenName',
  ]);
  expect(report.passed).toBe(false);
});

it('reports acknowledgements that match no change as stale, without failing', async () => {
  const stale = { change: 'FIELD_REMOVED:Person.nickname', reason: 'gone already' };
  expect(await check(BASE, [stale])).toMatchObject({ stale: [stale], passed: true });
});
