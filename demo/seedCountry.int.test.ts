import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../platform/db/createDb';
import { dropSchema, migrateSchema } from '../platform/db/migrate';
import {
  connectTestDatabase,
  isEmbeddedTestDatabase,
  testDatabaseUrl,
} from '../test/support/testDatabase';
import { COUNTRY_DIGESTS } from './countryDigests';
import { DEFAULT_PEOPLE, DEFAULT_SEED } from './demoConfig';
import { DEMO_SCHEMAS } from './resetDemoCountry';
import { TABLES } from './rows';
import { SHOWCASE } from './showcase';
import { seedCountry } from './seedCountry';
import { tableDigest } from './tableDigest';
import type { WriteRoute } from './tableWriter';

async function digests(db: Db) {
  const all: Record<string, unknown> = {};
  for (const table of TABLES) all[table] = await tableDigest(db, table);
  return all;
}

/** Every key, index and foreign key of the demo schemas, as the catalog defines them. */
async function schemaShape(db: Db) {
  const { rows } = await db.raw<{ rows: { on: string; name: string; definition: string }[] }>(
    `select conrelid::regclass::text as on, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where connamespace::regnamespace::text = any(?)
     union all
     select indrelid::regclass::text, relname, pg_get_indexdef(indexrelid)
       from pg_index join pg_class on pg_class.oid = indexrelid
      where relnamespace::regnamespace::text = any(?)
     order by 1, 2, 3`,
    [[...DEMO_SCHEMAS], [...DEMO_SCHEMAS]],
  );
  return rows;
}

async function migratedEmpty(db: Db): Promise<void> {
  for (const schema of DEMO_SCHEMAS) await dropSchema(db, schema);
  for (const schema of DEMO_SCHEMAS) await migrateSchema(db, schema);
}

describe('the demo country of this test run', () => {
  let db: Db;
  beforeAll(() => {
    db = connectTestDatabase(2);
  });
  afterAll(() => db?.destroy());

  it('holds exactly the rows the batch-by-batch inserts wrote, on either database', async () => {
    expect(await digests(db)).toEqual(COUNTRY_DIGESTS[DEFAULT_PEOPLE]);
  });
});

// A database of its own, rebuilt at will; the embedded server has only the shared one.
const onServer = isEmbeddedTestDatabase() ? describe.skip : describe;

onServer('seeding a database of its own', () => {
  const name = `govgraph_seed_${process.pid}_${randomBytes(3).toString('hex')}`;
  let admin: Db;
  let db: Db;
  beforeAll(async () => {
    admin = createDb({ url: testDatabaseUrl(), poolSize: 1 });
    await admin.raw('create database ??', [name]);
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${name}`;
    db = createDb({ url: url.toString(), poolSize: 10 });
  });
  afterAll(async () => {
    await db?.destroy();
    await admin?.raw('drop database if exists ?? with (force)', [name]);
    await admin?.destroy();
  });

  it.each<WriteRoute>(['copy', 'insert'])(
    'writes by %s the same rows as before, reports progress, and keeps every key and index',
    async (route) => {
      await migratedEmpty(db);
      const migrated = await schemaShape(db);
      const progress: number[] = [];
      const summary = await seedCountry(db, {
        seed: DEFAULT_SEED,
        people: 2_000,
        route,
        onProgress: (done, total) => progress.push(done / total),
      });
      expect(summary.people).toBe(2_000);
      expect(await digests(db)).toEqual(COUNTRY_DIGESTS[2_000]);
      expect(await schemaShape(db)).toEqual(migrated);
      expect(progress.at(-1)).toBe(1);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      // Every page is marked all-visible, so that a whole register is read by its index alone.
      const { rows } = await db.raw<{ rows: { table: string; visible: boolean }[] }>(
        `select c.oid::regclass::text as table, c.relallvisible = c.relpages as visible
           from pg_class c where c.oid = any(?::regclass[]) order by 1`,
        [[...TABLES]],
      );
      expect(rows).toEqual([...TABLES].sort().map((table) => ({ table, visible: true })));
    },
  );

  it('leaves every table and index as it was when one schema cannot take its rows', async () => {
    await migratedEmpty(db);
    // A row the generated country also writes: the tax lane's primary key cannot be rebuilt.
    const clash = { national_id: SHOWCASE.nationalId, year: 2021, taxable_income: 1, tax_paid: 0 };
    await db('tax.income_assessment').insert(clash);
    const before = await schemaShape(db);
    await expect(seedCountry(db, { seed: DEFAULT_SEED, people: 2_000 })).rejects.toMatchObject({
      code: '23505',
    });
    for (const table of TABLES) {
      const [{ count }] = await db(table).count<{ count: string }[]>({ count: '*' });
      expect([table, Number(count)]).toEqual([table, table === 'tax.income_assessment' ? 1 : 0]);
    }
    expect(await schemaShape(db)).toEqual(before);
  });
});
