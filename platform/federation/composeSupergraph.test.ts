import { composeSupergraph, CompositionError } from './composeSupergraph';

const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('composeSupergraph', () => {
  it('joins entities across subgraphs', () => {
    const supergraph = composeSupergraph([
      {
        name: 'a',
        url: 'http://a/graphql',
        sdl: `${link}\ntype Query { thing(id: ID!): Thing }\ntype Thing @key(fields: "id") { id: ID! name: String }`,
      },
      {
        name: 'b',
        url: 'http://b/graphql',
        sdl: `${link}\ntype Thing @key(fields: "id") { id: ID! size: Int }`,
      },
    ]);
    expect(supergraph).toContain('size: Int @join__field(graph: B)');
    expect(supergraph).toContain('url: "http://a/graphql"');
  });

  it('fails, naming the conflict, when two subgraphs disagree on a field type', () => {
    const compose = () =>
      composeSupergraph([
        {
          name: 'a',
          url: 'http://a/graphql',
          sdl: `${link}\ntype Query { thing(id: ID!): Thing }\ntype Thing @key(fields: "id") { id: ID! name: String }`,
        },
        {
          name: 'b',
          url: 'http://b/graphql',
          sdl: `${link}\ntype Thing @key(fields: "id") { id: ID! name: Int }`,
        },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/Thing\.name/);
  });
});
