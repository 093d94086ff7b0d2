import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Knex } from 'knex';
import { govgraphTracer } from './runInSpan';
import { allowedAttributes } from './spanAttributes';

/** What knex passes with its query events. */
interface QueryEvent {
  __knexQueryUid?: string;
  sql?: string;
  method?: string;
}

/**
 * A span for every statement a knex instance runs on behalf of a request, a child of the span
 * active when it is sent. Statements outside any request (policy refreshes, witness heads)
 * get none: each would be a trace of its own, several a second. The span holds the
 * statement's text with its placeholders, never its parameter values: those are national
 * IDs, names, addresses.
 */
export function traceQueries(db: Knex): void {
  const open = new Map<string, Span>();
  db.on('query', (query: QueryEvent) => {
    const uid = query.__knexQueryUid;
    if (uid === undefined || !trace.getActiveSpan()) return;
    const operation = (query.method ?? 'raw').toLowerCase();
    open.set(
      uid,
      govgraphTracer().startSpan(`sql ${operation}`, {
        kind: SpanKind.CLIENT,
        attributes: allowedAttributes({
          'db.system.name': 'postgresql',
          'db.operation.name': operation,
          'db.query.text': query.sql,
        }),
      }),
    );
  });
  const end = (query: QueryEvent | undefined, error?: Error) => {
    const uid = query?.__knexQueryUid;
    const span = uid === undefined ? undefined : open.get(uid);
    if (!span) return;
    open.delete(uid!);
    if (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', error.name);
    }
    span.end();
  };
  db.on('query-response', (_response: unknown, query: QueryEvent) => end(query));
  db.on('query-error', (error: Error, query: QueryEvent) => end(query, error));
}
