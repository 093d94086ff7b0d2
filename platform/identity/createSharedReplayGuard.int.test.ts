import { createDb } from '../db/createDb';
import { freePort } from '../../scripts/federationProcesses';
import { memoryLogger } from '../../gateway/testing/memoryLogger';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createSharedReplayGuard } from './createSharedReplayGuard';

const later = () => Math.floor(Date.now() / 1000) + 60;

test('ids asked about in one turn share one statement, and each is admitted once', async () => {
  const db = connectTestDatabase(2);
  const statements: string[] = [];
  db.on('query', ({ sql }: { sql: string }) => statements.push(sql));
  const guard = createSharedReplayGuard({ db, schema: 'social', logger: memoryLogger().logger });
  try {
    const ids = ['batch-a', 'batch-b', 'batch-c'].map((id) => `${id}-${Date.now()}`);
    expect(await Promise.all(ids.map((id) => guard.admit(id, later())))).toEqual([
      true,
      true,
      true,
    ]);
    expect(statements).toHaveLength(1);
    expect(await Promise.all(ids.map((id) => guard.admit(id, later())))).toEqual([
      false,
      false,
      false,
    ]);
  } finally {
    guard.stop();
    await db.destroy();
  }
});

test('admits on the per-process guard alone while the database cannot be reached, and says so', async () => {
  // Nothing listens there: every connection is refused, as when the agency's database is down.
  const db = createDb({
    url: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
    poolSize: 1,
  });
  const { logger, lines } = memoryLogger();
  const guard = createSharedReplayGuard({ db, schema: 'social', logger });
  try {
    expect(await guard.admit('unreachable', later())).toBe(true);
    expect(lines()).toContainEqual(
      expect.objectContaining({ msg: 'token ids not shared: the database cannot be reached' }),
    );
  } finally {
    guard.stop();
    await db.destroy();
  }
});

test('fails the request on any other database error', async () => {
  const db = connectTestDatabase(1);
  const guard = createSharedReplayGuard({
    db,
    schema: 'no_such_schema',
    logger: memoryLogger().logger,
  });
  try {
    await expect(guard.admit('nowhere', later())).rejects.toThrow(/no_such_schema/);
  } finally {
    guard.stop();
    await db.destroy();
  }
});
