/** The minimum cell size of an agreement that does not state one. */
export const DEFAULT_MIN_CELL_SIZE = 10;

/**
 * The minimum cell sizes an agreement may state. Below 3, a released count of one or two
 * people, or a difference of two such counts, tells about individuals.
 */
export const MIN_CELL_SIZE_RANGE = { min: 3, max: 10_000 } as const;
