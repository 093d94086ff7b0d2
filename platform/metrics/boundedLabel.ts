/** The label value that stands for every value past a label's bound. */
export const OTHER_LABEL = 'other';

/** The label of a request without an operation name. */
export const ANONYMOUS_OPERATION = 'anonymous';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Keeps a label that clients choose (an operation's name) from growing a metric without
 * bound: the first `limit` distinct names are kept, anything later or not a GraphQL name is
 * `other`.
 */
export function boundedOperationLabel(limit = 200): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (name === null || name === undefined || name === '') return ANONYMOUS_OPERATION;
    if (!NAME.test(name)) return OTHER_LABEL;
    if (seen.has(name)) return name;
    if (seen.size >= limit) return OTHER_LABEL;
    seen.add(name);
    return name;
  };
}
