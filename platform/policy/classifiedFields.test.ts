import { buildSchema } from 'graphql';
import { assertEveryFieldClassified, UnclassifiedFieldsError } from './classifiedFields';
import { defineFieldPolicy } from './fieldPolicy';

const schema = buildSchema(`
  type Query { person(id: ID!): Person }
  type Person { id: ID! givenName: String shoeSize: Int }
`);

describe('deny by default, at build time', () => {
  it('accepts a policy that classifies every served field', () => {
    const policy = defineFieldPolicy('population', {
      Query: { subject: 'none', fields: { person: 'public' } },
      Person: {
        subject: { property: 'id' },
        fields: { id: 'personal', givenName: 'personal', shoeSize: 'personal' },
      },
    });
    expect(() => assertEveryFieldClassified(schema, policy)).not.toThrow();
  });

  it('refuses to build a subgraph with an unclassified field, naming every one', () => {
    const policy = defineFieldPolicy('population', {
      Query: { subject: 'none', fields: { person: 'public' } },
      Person: { subject: { property: 'id' }, fields: { id: 'personal', nickname: 'personal' } },
    });
    const build = () => assertEveryFieldClassified(schema, policy);
    expect(build).toThrow(UnclassifiedFieldsError);
    expect(build).toThrow(/Person\.givenName has no classification/);
    expect(build).toThrow(/Person\.shoeSize has no classification/);
    expect(build).toThrow(/Person\.nickname is classified but the subgraph does not serve it/);
  });
});
