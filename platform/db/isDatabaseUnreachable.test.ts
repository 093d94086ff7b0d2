import { GraphQLError } from 'graphql';
import { isDatabaseUnreachable } from './isDatabaseUnreachable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  test.each([
    ['a refused connection', withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'a session ended by the server (pg_terminate_backend)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting or stopping', withCode('the database system is starting up', '57P03')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
    [
      'no connection to be had from the pool',
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    ],
    [
      "an error of another realm (Node's own, seen from a VM context)",
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:5432' },
    ],
    [
      'any of these behind a resolver error',
      new GraphQLError('x', { originalError: withCode('read ECONNRESET', 'ECONNRESET') }),
    ],
  ])('%s is an outage', (_case, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  test.each([
    ['a wrong statement', withCode('relation "tax.nothing" does not exist', '42P01')],
    ['a broken constraint', withCode('duplicate key value', '23505')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
  ])('%s is not', (_case, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
