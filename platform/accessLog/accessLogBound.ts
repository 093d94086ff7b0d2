/**
 * The most people one request may release personal data about, per agency: the bound on one
 * request's access records in each agency's log. A register page is at most this long, an
 * entity call naming more people is refused before anything is read, and a request that
 * reaches more through nested lists (relatives, households) releases nothing.
 */
export const MAX_SUBJECTS_PER_REQUEST = 10_000;
