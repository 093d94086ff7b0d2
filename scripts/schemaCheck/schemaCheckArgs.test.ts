import { parseSchemaCheckArgs } from './schemaCheckArgs';

it('reads --json and --base in either form', () => {
  expect(parseSchemaCheckArgs([])).toEqual({ json: false, base: null, help: false });
  expect(parseSchemaCheckArgs(['--json', '--base', 'HEAD^1'])).toEqual({
    json: true,
    base: 'HEAD^1',
    help: false,
  });
  expect(parseSchemaCheckArgs(['--base=main']).base).toBe('main');
});

it.each([[['--base']], [['--base', '--json']], [['--base=-x']], [['--fix']]])(
  'refuses %j as a usage error',
  (argv) => {
    expect(() => parseSchemaCheckArgs(argv)).toThrow(
      expect.objectContaining({ name: 'SchemaCheckError', code: 'USAGE' }),
    );
  },
);
