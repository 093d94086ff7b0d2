import {
  type Context,
  context,
  type Span,
  type SpanOptions,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { allowedAttributes } from './spanAttributes';

/** The one tracer of govgraph's own instrumentation. */
export function govgraphTracer() {
  return trace.getTracer('govgraph');
}

/**
 * Runs `work` inside a new span that is the active one meanwhile (so spans started within,
 * down to SQL statements, are its children) and ends it when `work` settles, sync or async.
 * Attributes outside the allow-list are dropped; a failure is recorded without its message,
 * which could quote data.
 */
export function runInSpan<T>(
  name: string,
  options: SpanOptions & { parent?: Context },
  work: (span: Span) => T,
): T {
  const { parent, attributes, ...spanOptions } = options;
  const span = govgraphTracer().startSpan(
    name,
    { ...spanOptions, attributes: allowedAttributes(attributes) },
    parent ?? context.active(),
  );
  const fail = (error: unknown) => {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', errorType(error));
    span.end();
  };
  let result: T;
  try {
    result = context.with(trace.setSpan(parent ?? context.active(), span), () => work(span));
  } catch (error) {
    fail(error);
    throw error;
  }
  // The runtime's hooks return native promises or their own thenables: both are awaited.
  if (isThenable(result)) {
    return Promise.resolve(result).then(
      (value: unknown) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        fail(error);
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
