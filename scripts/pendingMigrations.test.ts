import { AGENCY_NAMES } from '../platform/agencies';
import { pendingMigrations, shippedMigrations } from './pendingMigrations';

describe('shippedMigrations', () => {
  it.each(AGENCY_NAMES)('lists the migrations of %s in order, by name', (schema) => {
    const names = shippedMigrations(schema);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});

describe('pendingMigrations', () => {
  const shipped = ['20260101000100_a', '20260101000200_b', '20260101000300_c'];

  it('is empty when every shipped migration is applied', () => {
    expect(pendingMigrations(shipped, shipped)).toEqual([]);
  });

  it('names the shipped migrations not applied, in order', () => {
    expect(pendingMigrations(shipped, ['20260101000200_b'])).toEqual([
      '20260101000100_a',
      '20260101000300_c',
    ]);
  });

  it('ignores applied migrations this build does not ship (a newer release ran first)', () => {
    expect(pendingMigrations(shipped, [...shipped, '20270101000100_newer'])).toEqual([]);
  });
});
