import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { limitError, type RequestLimits } from './requestLimits';

/** How many fields an operation selects at its root, and in all, fragments expanded. */
export interface FieldCount {
  rootFields: number;
  fields: number;
}

/**
 * Counts the fields of a selection set as the query planner sees them: every fragment spread
 * expanded where it stands. Each fragment is counted once and its count reused, so fragments
 * that spread each other many times over (2^n fields from n fragments) are counted in time
 * linear in the document. A spread of a fragment being expanded (a cycle, which validation
 * refuses anyway) counts nothing.
 */
export function countFields(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
): FieldCount {
  const counted = new Map<string, FieldCount>();
  const expanding = new Set<string>();
  const count = (set: SelectionSetNode): FieldCount => {
    let rootFields = 0;
    let fields = 0;
    for (const selection of set.selections) {
      let inner: FieldCount;
      if (selection.kind === Kind.FIELD) {
        inner = {
          rootFields: 1,
          fields: 1 + (selection.selectionSet ? count(selection.selectionSet).fields : 0),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = count(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        if (!definition || expanding.has(name)) continue;
        let known = counted.get(name);
        if (!known) {
          expanding.add(name);
          known = count(definition.selectionSet);
          expanding.delete(name);
          counted.set(name, known);
        }
        inner = known;
      }
      rootFields += inner.rootFields;
      fields += inner.fields;
    }
    return { rootFields, fields };
  };
  return count(selectionSet);
}

/**
 * Refuses an operation with more root fields than `maxRootFields` (each is planned and
 * fetched on its own: one document could otherwise ask for hundreds of lookups) or more
 * fields than `maxFields` once its fragments are expanded (the query planner expands every
 * spread, so a few hundred tokens of fragments spreading each other would plan millions of
 * fields). A validation rule that counts before graphql's own rules look at the fields.
 */
export function useFieldLimits(
  limits: Pick<RequestLimits, 'maxRootFields' | 'maxFields'>,
): GatewayPlugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { rootFields, fields } = countFields(operation.selectionSet, (name) =>
        context.getFragment(name),
      );
      // Thrown, as the other limits are, so validation stops here and the refusal keeps its 400.
      if (rootFields > limits.maxRootFields)
        throw limitError(
          ErrorCode.TOO_MANY_ROOT_FIELDS,
          `The operation has more than ${limits.maxRootFields} root fields.`,
        );
      if (fields > limits.maxFields)
        throw limitError(
          ErrorCode.TOO_MANY_FIELDS,
          `The operation has more than ${limits.maxFields} fields once its fragments are expanded.`,
        );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
