import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** Finished spans, read as one trace's tree. */
export interface SpanTree {
  root: ReadableSpan;
  spans: ReadableSpan[];
  named(name: string): ReadableSpan[];
  parentOf(span: ReadableSpan): ReadableSpan | undefined;
  /** Whether `span` is below `ancestor` in the tree. */
  isBelow(span: ReadableSpan, ancestor: ReadableSpan): boolean;
}

export const spanId = (span: ReadableSpan) => span.spanContext().spanId;
export const traceId = (span: ReadableSpan) => span.spanContext().traceId;

/** The tree of the trace `root` starts, from every span exported so far. */
export function spanTree(root: ReadableSpan, exported: readonly ReadableSpan[]): SpanTree {
  const spans = exported.filter((span) => traceId(span) === traceId(root));
  const byId = new Map(spans.map((span) => [spanId(span), span]));
  const parentOf = (span: ReadableSpan) =>
    span.parentSpanContext ? byId.get(span.parentSpanContext.spanId) : undefined;
  return {
    root,
    spans,
    named: (name) => spans.filter((span) => span.name === name),
    parentOf,
    isBelow(span, ancestor) {
      for (let at = parentOf(span); at; at = parentOf(at)) if (at === ancestor) return true;
      return false;
    },
  };
}
