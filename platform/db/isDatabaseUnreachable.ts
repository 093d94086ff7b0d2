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
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.test(code)))
      return true;
    if (
      DRIVER_MESSAGES.some((message) => cause instanceof Error && cause.message.includes(message))
    )
      return true;
    cause = (cause as { originalError?: unknown }).originalError ?? cause.cause;
  }
  return false;
}
