import { buildSchema, execute, type GraphQLSchema, parse } from 'graphql';
import type { Caller } from '../context/Caller';
import type { Agreement } from './agreement';
import { applyFieldPolicy } from './applyFieldPolicy';
import type { ConsentRepository } from './consentRepository';
import { defineFieldPolicy, joinKey } from './fieldPolicy';
import { RequestPolicy } from './RequestPolicy';
import { testAgreement } from './testing/testAgreement';

const today = '2026-06-01';
const people = Array.from({ length: 50 }, (_, i) => ({
  id: `person-${i}`,
  name: `Name ${i}`,
  income: 1000 + i,
}));

const policy = defineFieldPolicy('tax', {
  Query: { subject: 'none', fields: { people: 'public' } },
  Person: {
    subject: { property: 'id' },
    fields: { id: joinKey, name: 'personal', income: 'personal' },
  },
});

const namesOnly = testAgreement({
  id: 'DSA-names',
  title: 'names for benefits',
  fields: ['Person.name'],
});
const caseworker: Caller = {
  kind: 'organisation',
  subject: 'caseworker-1',
  organisation: 'social-insurance',
  roles: [],
};

function governedSchema(): GraphQLSchema {
  const schema = buildSchema(`
    type Query { people: [Person!]! }
    type Person { id: ID! name: String income: Int }
  `);
  schema.getQueryType()!.getFields().people!.resolve = () => people;
  return applyFieldPolicy(schema, policy);
}

function requestPolicy(agreements: Agreement[]): RequestPolicy {
  return new RequestPolicy({
    fieldPolicy: policy,
    caller: caseworker,
    purpose: 'benefit-eligibility',
    agreements,
    // No consent is read: no field here rests on one.
    consents: { findInForce: () => Promise.resolve([]) } as unknown as ConsentRepository,
    today,
  });
}

async function run(schema: GraphQLSchema, request: RequestPolicy, query: string) {
  return execute({ schema, document: parse(query), contextValue: { policy: request } });
}

describe('applyFieldPolicy', () => {
  const schema = governedSchema();

  it('releases an allowed field of every record, its rule asked once in the request', async () => {
    const request = requestPolicy([namesOnly]);
    const asked = jest.spyOn(request, 'fieldRefusal');
    const result = await run(schema, request, '{ people { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.people).toEqual(people.map(({ name }) => ({ name })));
    expect(
      asked.mock.calls.filter(([type, field]) => `${type}.${field}` === 'Person.name'),
    ).toEqual([['Person', 'name']]);
    expect(request.accessRecorder.entries()).toHaveLength(people.length);
  });

  it('refuses a field no agreement covers on every record, not only the first', async () => {
    const result = await run(schema, requestPolicy([namesOnly]), '{ people { income } }');
    expect(result.data?.people).toEqual(people.map(() => ({ income: null })));
    expect(result.errors).toHaveLength(people.length);
    for (const error of result.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Person.income' });
    }
  });

  it('keeps no allowance from one request for the next', async () => {
    await run(schema, requestPolicy([namesOnly]), '{ people { name } }');
    const revoked = await run(schema, requestPolicy([]), '{ people { name } }');
    expect(revoked.data?.people).toEqual(people.map(() => ({ name: null })));
    expect(revoked.errors).toHaveLength(people.length);
  });
});
