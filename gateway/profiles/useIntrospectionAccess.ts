import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { BREAK, type DocumentNode, Kind, visit } from 'graphql';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { identityOf } from '../identity/useClientIdentity';
import { limitError } from '../limits/requestLimits';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Opens introspection (`__schema`, `__type`) only to callers of kind `organisation`; the
 * public and citizens are refused with 403 and `INTROSPECTION_NOT_ALLOWED` before anything
 * runs. `__typename` is not introspection of the schema and stays open.
 *
 * Decided at the start of execution, not by a validation rule: the runtime caches
 * validation by document, so a rule's verdict for one caller would be reused for the next.
 */
export function useIntrospectionAccess(): GatewayPlugin {
  // Documents are cached by the runtime, so each is searched once.
  const introspects = new WeakMap<DocumentNode, boolean>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let found = introspects.get(args.document);
      if (found === undefined) {
        found = hasIntrospectionField(args.document);
        introspects.set(args.document, found);
      }
      if (!found || identityOf(args.contextValue)?.caller.kind === 'organisation') return;
      setResultAndStopExecution({
        errors: [
          limitError(
            ErrorCode.INTROSPECTION_NOT_ALLOWED,
            'Introspection of the schema (__schema, __type) is open only to signed-in organisations in this deployment',
            403,
          ),
        ],
      });
    },
  };
}

// Validation has refused unused fragments, so a field anywhere in the document is asked for.
function hasIntrospectionField(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](field) {
      if (!INTROSPECTION_FIELDS.has(field.name.value)) return;
      found = true;
      return BREAK;
    },
  });
  return found;
}
