import { pageInfoOf, type PageInfo } from '../graphql/PageInfo';
import { decodeCursor, encodeCursor, pageSize } from './cursor';

export interface KeysetPageRequest<T> {
  first: number;
  after: string | null;
  max: number;
  /** Reads `limit + 1` rows after the key (or from the start), in key order. */
  fetch: (afterKey: string | null, limit: number) => Promise<T[]>;
  keyOf: (row: T) => string;
  /** Puts each row of the page in the request's loader of these records, for later lookups. */
  prime?: (row: T) => void;
}

/** One page of a keyset-paged list, with opaque cursors; validates `first` and `after`. */
export async function keysetPage<T>(
  request: KeysetPageRequest<T>,
): Promise<{ nodes: T[]; pageInfo: PageInfo }> {
  const limit = pageSize(request.first, request.max);
  const rows = await request.fetch(request.after ? decodeCursor(request.after) : null, limit);
  if (request.prime) rows.forEach(request.prime);
  return pageInfoOf(rows, limit, (row) => encodeCursor(request.keyOf(row)));
}
