import type { Attributes } from '@opentelemetry/api';

/**
 * The only attributes govgraph's spans carry. Each describes the shape of the work (which
 * service, subgraph, field or statement), never a value of it: no variables, no arguments, no
 * headers, no SQL parameters, no operation names (a client chooses those), since any of them
 * can be personal data. A key not listed here is dropped before the span sees it.
 */
export const ALLOWED_SPAN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'http.request.method',
  'http.response.status_code',
  'url.path',
  'server.address',
  'server.port',
  'graphql.operation.type',
  'graphql.field.parent_type',
  'graphql.field.name',
  'govgraph.subgraph',
  'govgraph.plan.type',
  'db.system.name',
  'db.operation.name',
  'db.query.text',
  'error.type',
]);

/** A statement longer than this is cut: its text is for telling statements apart. */
const MAX_VALUE_LENGTH = 2_000;

/** The allowed attributes of `attributes`, long strings cut. */
export function allowedAttributes(attributes: Attributes | undefined): Attributes {
  const allowed: Attributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (!ALLOWED_SPAN_ATTRIBUTES.has(key) || value === undefined) continue;
    allowed[key] =
      typeof value === 'string' && value.length > MAX_VALUE_LENGTH
        ? value.slice(0, MAX_VALUE_LENGTH)
        : value;
  }
  return allowed;
}
