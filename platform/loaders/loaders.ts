import DataLoader from 'dataloader';

/**
 * A loader of one record per key: all keys asked for in one tick become one call of `fetch`
 * (one SQL statement), and each key gets its record or null.
 */
export function recordLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (record: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<K, R>();
    for (const record of await fetch(keys)) byKey.set(keyOf(record), record);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A loader of a list per key (a person's vehicles, a company's board): one call of `fetch`
 * for all keys, its records grouped by `groupOf`, an empty list for keys with none.
 */
export function listLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  groupOf: (record: R) => K,
  cacheKeyFn?: (key: K) => unknown,
): DataLoader<K, R[]> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<K, R[]>();
      for (const record of await fetch(keys)) {
        const key = groupOf(record);
        const group = groups.get(key);
        if (group) group.push(record);
        else groups.set(key, [record]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    cacheKeyFn ? { cacheKeyFn } : {},
  );
}
