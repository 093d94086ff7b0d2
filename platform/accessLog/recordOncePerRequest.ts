import type { AccessEntry } from './AccessRecorder';
import type { AccessLogWriter } from './accessLogWriter';

export interface OncePerRequestOptions {
  /** How long a request's records are remembered; longer than any request takes. */
  rememberMs?: number;
  /** The most people remembered across requests; the oldest requests are forgotten first. */
  maxSubjects?: number;
  now?: () => number;
}

interface Remembered {
  at: number;
  fields: Map<string, Set<string>>;
  subjects: number;
}

/**
 * Makes the records of one request one per person in this agency, however often the request
 * reaches them: the gateway calls an agency once per level of a query plan, and a deep query
 * can reach the same person at many levels. A later call of the same request records a person
 * again only for fields not recorded yet, so a request that reaches someone a hundred times for
 * the same fields leaves one record. Remembered in this process only, after the write succeeded
 * (a failed write withholds the data, and nothing counts as recorded).
 */
export function recordOncePerRequest(
  write: AccessLogWriter,
  options: OncePerRequestOptions = {},
): AccessLogWriter {
  const rememberMs = options.rememberMs ?? 5 * 60_000;
  const maxSubjects = options.maxSubjects ?? 200_000;
  const now = options.now ?? Date.now;
  // In insertion order, so the oldest requests come first.
  const requests = new Map<string, Remembered>();
  let subjects = 0;

  const forget = () => {
    const cutoff = now() - rememberMs;
    for (const [requestId, remembered] of requests) {
      if (remembered.at > cutoff && subjects <= maxSubjects) break;
      requests.delete(requestId);
      subjects -= remembered.subjects;
    }
  };

  return async (context, entries, admission) => {
    forget();
    const remembered = requests.get(context.requestId);
    const fresh: AccessEntry[] = [];
    for (const entry of entries) {
      const known = remembered?.fields.get(entry.subjectId);
      const fields = known ? entry.fields.filter((field) => !known.has(field)) : entry.fields;
      if (fields.length > 0) fresh.push({ subjectId: entry.subjectId, fields });
    }
    await write(context, fresh, admission);
    const record = remembered ?? { at: now(), fields: new Map(), subjects: 0 };
    for (const { subjectId, fields } of fresh) {
      let known = record.fields.get(subjectId);
      if (!known) {
        record.fields.set(subjectId, (known = new Set()));
        record.subjects += 1;
        subjects += 1;
      }
      for (const field of fields) known.add(field);
    }
    if (!remembered && record.subjects > 0) requests.set(context.requestId, record);
  };
}
