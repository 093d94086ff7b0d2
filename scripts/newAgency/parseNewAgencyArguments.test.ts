import { NewAgencyError, type NewAgencyErrorCode } from './NewAgencyError';
import { parseNewAgencyArguments, type TakenNames } from './parseNewAgencyArguments';

const TAKEN: TakenNames = {
  agencies: { population: { defaultPort: 4001 }, governance: { defaultPort: 4007 } },
  folders: ['population', 'governance', 'shared'],
};

const parse = (...argv: string[]) => parseNewAgencyArguments(argv, TAKEN);

/** The code of the refusal a command line gets; fails the test if it is accepted. */
function refusal(...argv: string[]): { code: NewAgencyErrorCode; message: string } {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof NewAgencyError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('the new:agency command line', () => {
  it('takes a name and a port, with a title made from the name unless one is given', () => {
    expect(parse('permits', '--port', '4008')).toEqual({
      name: 'permits',
      port: 4008,
      title: 'Permits Agency',
      dryRun: false,
    });
    expect(parse('--dry-run', 'permits', '--title', 'Permit Office', '--port', '4100')).toEqual({
      name: 'permits',
      port: 4100,
      title: 'Permit Office',
      dryRun: true,
    });
  });

  it.each([['Permits'], ['permit-office'], ['permit_office'], ['9lives'], ['p'], ['a'.repeat(31)]])(
    'refuses the name %s, which is not a lowercase identifier',
    (name) => {
      expect(refusal(name, '--port', '4008')).toEqual({
        code: 'NAME_INVALID',
        message: expect.stringContaining('lowercase letters and digits'),
      });
    },
  );

  it.each([['gateway'], ['shared'], ['public'], ['pgcrypto']])(
    'refuses the reserved name %s',
    (name) => {
      expect(refusal(name, '--port', '4008').code).toBe('NAME_INVALID');
    },
  );

  it('refuses a name the registry or a folder already has', () => {
    expect(refusal('population', '--port', '4008')).toEqual({
      code: 'NAME_TAKEN',
      message: 'the agency "population" is already in the registry',
    });
    const withFolder = { ...TAKEN, folders: [...TAKEN.folders, 'permits'] };
    expect(() => parseNewAgencyArguments(['permits', '--port', '4008'], withFolder)).toThrow(
      /already a folder/,
    );
  });

  it.each([['4000'], ['80'], ['65536'], ['4008.5'], ['abc'], ['-4008']])(
    'refuses the port %s, outside 4001 to 65535',
    (port) => {
      expect(refusal('permits', '--port', port).code).toBe('PORT_INVALID');
    },
  );

  it('refuses a port the registry gives another agency, naming it', () => {
    expect(refusal('permits', '--port', '4007')).toEqual({
      code: 'PORT_TAKEN',
      message: "port 4007 is already the governance subgraph's",
    });
  });

  it('refuses a title that could break the files it is written into', () => {
    expect(refusal('permits', '--port', '4008', '--title', "Permit's Office").code).toBe('USAGE');
  });

  it.each([
    [[], 'give exactly one agency name'],
    [['permits'], '--port is required'],
    [['permits', 'licences', '--port', '4008'], 'give exactly one agency name'],
    [['permits', '--port'], '--port needs a value'],
    [['permits', '--port', '4008', '--force'], 'unknown option --force'],
  ])('explains the usage for %j', (argv, message) => {
    const { code, message: text } = refusal(...argv);
    expect(code).toBe('USAGE');
    expect(text).toContain(message);
    expect(text).toContain('usage: npm run new:agency -- <name> --port <n>');
  });
});
