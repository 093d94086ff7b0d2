// @ts-check

/**
 * Who the workbench asks as, and why. The token lives in this tab's sessionStorage only: it
 * is gone when the tab closes, and other sites cannot read it.
 * @typedef {object} Session
 * @property {string | null} token the bearer token; null for the public caller
 * @property {string} who how the signed-in user is shown
 * @property {string | null} organisation the organisation the token names, if any
 * @property {string | null} persona the demo persona, if signed in as one
 * @property {string | null} purpose sent as `x-purpose`
 * @property {string | null} caseId sent as `x-case-id`
 * @property {string | null} expiresAt when the token expires (ISO 8601), if known
 */

/** @typedef {{ get(): Session, update(change: Partial<Session>): void, subscribe(listener: (session: Session) => void): void }} SessionStore */

const STORAGE_KEY = 'govgraph.workbench.session';

/** @type {Session} */
export const PUBLIC_SESSION = {
  token: null,
  who: 'the public (not signed in)',
  organisation: null,
  persona: 'public',
  purpose: null,
  caseId: null,
  expiresAt: null,
};

/**
 * Whether the session's token has expired or will within a minute.
 * @param {Session} session
 * @param {number} now milliseconds since the epoch
 */
export function tokenExpired(session, now) {
  return (
    session.token !== null &&
    session.expiresAt !== null &&
    Date.parse(session.expiresAt) - 60_000 <= now
  );
}

/**
 * @param {Storage} storage
 * @returns {SessionStore}
 */
export function createSession(storage) {
  /** @type {Session} */
  let session = { ...PUBLIC_SESSION, ...read(storage) };
  /** @type {Set<(session: Session) => void>} */
  const listeners = new Set();
  return {
    get: () => session,
    update(change) {
      session = { ...session, ...change };
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      for (const listener of listeners) listener(session);
    },
    subscribe(listener) {
      listeners.add(listener);
    },
  };
}

/**
 * @param {Storage} storage
 * @returns {Partial<Session>}
 */
function read(storage) {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    return typeof stored === 'object' && stored !== null ? stored : {};
  } catch {
    return {};
  }
}
