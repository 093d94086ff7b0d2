import { parseAcknowledgedChanges } from './acknowledgedChanges';
import { SchemaCheckError } from './schemaCheckError';

const parse = (json: unknown) => parseAcknowledgedChanges(JSON.stringify(json), 'acks.json');

function refusal(text: string): SchemaCheckError {
  try {
    parseAcknowledgedChanges(text, 'acks.json');
  } catch (error) {
    if (error instanceof SchemaCheckError) return error;
    throw error;
  }
  throw new Error('accepted');
}

it('reads acknowledgements with their reasons', () => {
  const acknowledged = [{ change: 'FIELD_REMOVED:Person.nickname', reason: 'never filled in' }];
  expect(parse({ $comment: 'why', acknowledged })).toEqual({ $comment: 'why', acknowledged });
});

it('names every problem of an invalid file at once', () => {
  const error = refusal(
    JSON.stringify({
      acknowledged: [{ change: 'Person.nickname', reason: ' ' }, { change: 'X:y' }],
      extra: true,
    }),
  );
  expect(error.code).toBe('BAD_ACKNOWLEDGEMENTS');
  expect(error.message).toContain('acknowledged.0.change: must be TYPE:path');
  expect(error.message).toContain('acknowledged.0.reason: must say why the change is made');
  expect(error.message).toContain('acknowledged.1.reason');
  expect(error.message).toContain('extra');
});

it('refuses text that is not JSON and a change acknowledged twice', () => {
  expect(refusal('{').message).toMatch(/^acks.json is not JSON/);
  const twice = { change: 'FIELD_REMOVED:Person.nickname', reason: 'x' };
  expect(refusal(JSON.stringify({ acknowledged: [twice, twice] })).message).toBe(
    'acks.json acknowledges FIELD_REMOVED:Person.nickname twice',
  );
});
