import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { defineFieldPolicy, personal } from '../policy/fieldPolicy';
import { estimateSubjects, UNDECLARED_LIST_ITEMS } from './estimateSubjects';

const schema = buildSchema(`
  type Query { people(first: Int = 20): PersonPage  person(id: ID!): Person  companies(first: Int = 20): [Company] }
  type PersonPage { nodes: [Person] }
  type Person { id: ID  name: String  parents: [Person]  friends: [Person]  vehicles: [Vehicle]  company: Company }
  type Vehicle { make: String }
  type Company { name: String  seats: [Seat] }
  type Seat { name: String  person: Person }
`);
const policy = defineFieldPolicy('population', {
  Query: { subject: 'none', fields: { people: 'public', person: 'public', companies: 'public' } },
  PersonPage: { subject: 'none', fields: { nodes: 'public' } },
  Person: {
    subject: { property: 'id' },
    fields: {
      id: 'personal',
      name: 'personal',
      parents: personal({ leadsTo: 'other-subjects', maxItems: 2 }),
      friends: personal({ leadsTo: 'other-subjects' }),
      vehicles: personal({ leadsTo: 'same-subject' }),
      company: 'personal',
    },
  },
  Vehicle: { subject: { property: 'ownerId' }, fields: { make: 'personal' } },
  Company: {
    subject: 'none',
    fields: { name: 'public', seats: { classification: 'public', maxItems: 5 } },
  },
  Seat: {
    subject: { property: 'id' },
    fields: { name: 'public', person: { classification: 'public', leadsTo: 'same-subject' } },
  },
});

function reach(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return estimateSubjects(schema, policy, document, operation, variables);
}

describe('the people a request can release personal data about, read from the operation', () => {
  it('counts a page as long as its first argument, or its default', () => {
    expect(reach('{ people(first: 500) { nodes { name } } }')).toBe(500);
    expect(reach('query($n: Int) { people(first: $n) { nodes { name } } }', { n: 7 })).toBe(7);
    expect(reach('{ people { nodes { name } } }')).toBe(20);
  });

  it('multiplies down the paths that lead from one person to others', () => {
    expect(reach('{ people(first: 10) { nodes { name parents { name } } } }')).toBe(10 * (1 + 2));
    expect(reach('{ person(id: "1") { name parents { name parents { name } } } }')).toBe(1 + 2 + 4);
    expect(reach('{ person(id: "1") { friends { name } } }')).toBe(1 + UNDECLARED_LIST_ITEMS);
  });

  it('does not count the same person twice for their own records', () => {
    expect(reach('{ person(id: "1") { name vehicles { make } } }')).toBe(1);
  });

  it('counts only records whose own selection releases personal data', () => {
    expect(reach('{ companies(first: 1000) { name seats { name } } }')).toBe(0);
    expect(reach('{ companies(first: 100) { seats { person { name } } } }')).toBe(100 * 5);
    // Who a person's parents are is their personal data; the parents' own records release none.
    expect(reach('{ people(first: 50) { nodes { parents { __typename } } } }')).toBe(50);
  });

  it('reads fragments as the fields they spread', () => {
    expect(
      reach(
        `{ people(first: 4) { nodes { ...P } } } fragment P on Person { name ... on Person { parents { name } } }`,
      ),
    ).toBe(4 * 3);
  });
});
