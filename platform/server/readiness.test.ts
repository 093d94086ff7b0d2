import { checkReadiness } from './readiness';

describe('readiness', () => {
  it('is ready when every check answers', async () => {
    expect(
      await checkReadiness([
        { name: 'database', check: async () => undefined },
        { name: 'policy', check: async () => undefined },
      ]),
    ).toEqual({ ready: true, checks: { database: 'ok', policy: 'ok' } });
  });

  it('names each check that fails, and one that hangs', async () => {
    const report = await checkReadiness(
      [
        { name: 'database', check: () => new Promise(() => undefined) },
        {
          name: 'policy',
          check: async () => {
            throw new Error('the governance store has not answered for 31 s');
          },
        },
        { name: 'other', check: async () => undefined },
      ],
      50,
    );
    expect(report).toEqual({
      ready: false,
      checks: {
        database: 'no answer within 50 ms',
        policy: 'the governance store has not answered for 31 s',
        other: 'ok',
      },
    });
  });
});
