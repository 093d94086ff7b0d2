import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { repoRoot } from '../../platform/repoRoot';
import type { AgencyFieldPolicy, FieldRule } from '../../platform/policy/fieldPolicy';
import { governancePolicy } from '../../subgraphs/governance/policy';
import { SUBGRAPH_POLICIES } from '../../subgraphs/policies';
import { findLinkages } from './findLinkages';

const supergraph = buildSchema(
  readFileSync(join(repoRoot(), 'schema', 'supergraph.graphql'), 'utf8'),
);
const POLICIES: AgencyFieldPolicy[] = [...Object.values(SUBGRAPH_POLICIES), governancePolicy];

/** The policies with one field's rule replaced, as a careless change would leave them. */
function withRule(
  agency: string,
  type: string,
  field: string,
  rule: FieldRule,
): AgencyFieldPolicy[] {
  return POLICIES.map((policy) =>
    policy.agency !== agency
      ? policy
      : {
          ...policy,
          types: {
            ...policy.types,
            [type]: {
              ...policy.types[type]!,
              fields: { ...policy.types[type]!.fields, [field]: rule },
            },
          },
        },
  );
}

describe('no path of the graph ties masked data to a person it identifies', () => {
  it('holds for every path from every root field of the composed graph', () => {
    const { linkages, unplaced } = findLinkages(supergraph, POLICIES);
    expect(unplaced).toEqual([]);
    expect(linkages).toEqual([]);
  });

  it("would catch a board seat's public name next to the seat's person", () => {
    const careless = withRule('business', 'BoardSeat', 'person', { classification: 'public' });
    expect(findLinkages(supergraph, careless).linkages).toContainEqual(
      expect.objectContaining({ identifiedBy: 'BoardSeat.name', masked: 'Person.dateOfBirth' }),
    );
  });

  it('would catch a lookup by national ID open to masked-only callers', () => {
    const careless = withRule('population', 'Query', 'person', { classification: 'public' });
    expect(findLinkages(supergraph, careless).linkages).toContainEqual(
      expect.objectContaining({ path: 'Query.person', identifiedBy: 'Query.person (a lookup)' }),
    );
  });

  it('would catch a masked form of an identifying field', () => {
    const careless = withRule('population', 'Person', 'givenName', {
      classification: 'personal',
      identifying: true,
      mask: (value: unknown) => value,
    });
    expect(findLinkages(supergraph, careless).linkages).toContainEqual(
      expect.objectContaining({ path: 'Query.people > PersonConnection.nodes' }),
    );
  });

  it('refuses a new link between two people that does not say whom it leads to', () => {
    const careless = withRule('population', 'Person', 'parents', { classification: 'personal' });
    expect(findLinkages(supergraph, careless).unplaced).toEqual(['Person.parents']);
  });
});
