// Node's socket errors when a connection cannot be made or is lost.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// PostgreSQL's: connection exceptions (class 08), and the server ending or refusing sessions.
const SERVER_CODES = /^(08...|57P0[1-3])$/;
// What `pg` and knex say when a connection ends under them or none can be had.
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Timeout acquiring a connection',
];

/**
 * Whether an error says the database could not be reached or dropped the connection, rather
 * than that a statement was wrong: the first is the database's outage, told to the client as
 * such; the second stays an internal error.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  // Told by shape, not `instanceof Error`: Node's own socket errors come from another realm
  // than the code that catches them wherever modules run in a VM context (as under jest).
  let cause = error as ErrorLike | null | undefined;
  for (let depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth += 1) {
    const { code, message } = cause;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.test(code)))
      return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((text) => message.includes(text)))
      return true;
    cause = (cause.originalError ?? cause.cause) as ErrorLike | null | undefined;
  }
  return false;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  originalError?: unknown;
  cause?: unknown;
}
