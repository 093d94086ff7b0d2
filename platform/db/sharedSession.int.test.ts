import { Pool } from 'pg';
import { testDatabaseUrl } from '../../test/support/testDatabase';

// The test database: on the embedded route, the server startEmbeddedPostgres starts (PGlite
// cannot start inside a test's module sandbox); on a real server the same answers hold.
let pool: Pool;
beforeAll(() => {
  pool = new Pool({ connectionString: testDatabaseUrl(), max: 10 });
});
afterAll(() => pool?.end());

describe('the database, shared by many clients at once', () => {
  it("gives every client its own statement's answer, however their messages arrive", async () => {
    // Two statement shapes with parameters large enough to arrive in many packets.
    const padding = 'x'.repeat(200_000);
    const asks = Array.from({ length: 120 }, (_, i) =>
      i % 2 === 0
        ? pool
            .query<{ n: number; size: number }>('select $1::int as n, length($2::text) as size', [
              i,
              padding,
            ])
            .then(({ rows }) => expect(rows).toEqual([{ n: i, size: padding.length }]))
        : pool
            .query<{ a: string }>('select $1::text as a', [`answer ${i}`])
            .then(({ rows }) => expect(rows).toEqual([{ a: `answer ${i}` }])),
    );
    await Promise.all(asks);
  });

  it('keeps serving the others when one client leaves in the middle of a transaction', async () => {
    const leaver = await pool.connect();
    await leaver.query('begin');
    await leaver.query('select 1');
    leaver.release(true);
    const { rows } = await pool.query<{ ok: number }>('select 1 as ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
