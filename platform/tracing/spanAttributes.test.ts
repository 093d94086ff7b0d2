import { allowedAttributes } from './spanAttributes';

describe('span attributes', () => {
  it('keep the allow-listed keys and drop every other, whatever it holds', () => {
    expect(
      allowedAttributes({
        'govgraph.subgraph': 'tax',
        'db.query.text': 'select * from tax.income_assessment where national_id = ?',
        'db.query.parameter.0': '48507120002',
        'graphql.operation.name': 'MariTammsIncome',
        'http.request.header.authorization': 'Bearer abc',
        'url.path': undefined,
      }),
    ).toEqual({
      'govgraph.subgraph': 'tax',
      'db.query.text': 'select * from tax.income_assessment where national_id = ?',
    });
  });

  it('cut a long statement to its first 2000 characters', () => {
    const statement = `select ${'a, '.repeat(1_500)}b from t`;
    expect(allowedAttributes({ 'db.query.text': statement })['db.query.text']).toBe(
      statement.slice(0, 2_000),
    );
  });
});
