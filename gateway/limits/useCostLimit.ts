import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { limitError } from './requestLimits';

/** The arguments that say how many items a list field returns. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Refuses an operation whose estimated cost is over `maxCost`: every field costs one, and a
 * field with a `first` (or `last`) argument costs its subtree that many times over, whether
 * the number is written in the document or passed as a variable.
 *
 * graphql-armor's cost limit weighs only numbers written in the document, so
 * `people(first: $n)` would cost the same for any `$n`. A validation rule cannot read the
 * variables either: the runtime caches validation by document. So the cost is computed at
 * the start of execution, with the coerced variables, before the gateway plans the
 * operation or calls any subgraph.
 */
export function useCostLimit(maxCost: number): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(
        args.document,
        args.operationName ?? undefined,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          limitError(
            ErrorCode.QUERY_TOO_COSTLY,
            `The operation's estimated cost ${cost} is over the limit of ${maxCost}.`,
          ),
        ],
      });
    },
  };
}

/** The estimated cost of the named (or only) operation of a validated document. */
export function operationCost(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    else if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (operationName === undefined || definition.name?.value === operationName)
    )
      operation ??= definition.selectionSet;
  }
  const pageSize = (value: ValueNode): number => {
    const n =
      value.kind === Kind.INT
        ? Number(value.value)
        : value.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : undefined;
    return typeof n === 'number' && Number.isFinite(n) && n > 1 ? n : 1;
  };
  // Fragments being expanded: a cycle adds nothing (validation has refused cycles already).
  const expanding = new Set<string>();
  // A fragment costs the same wherever it is spread: computed once, or fragments spreading
  // each other twice over would take time exponential in their number.
  const fragmentCosts = new Map<string, number>();
  const selectionCost = (selectionSet: SelectionSetNode | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        cost += selectionCost(selection.selectionSet);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || expanding.has(name)) continue;
        let known = fragmentCosts.get(name);
        if (known === undefined) {
          expanding.add(name);
          known = selectionCost(fragment.selectionSet);
          expanding.delete(name);
          fragmentCosts.set(name, known);
        }
        cost += known;
      }
    }
    return cost;
  };
  const fieldCost = (field: FieldNode): number => {
    const size = field.arguments?.find((argument) => PAGE_SIZE_ARGUMENTS.has(argument.name.value));
    return (1 + selectionCost(field.selectionSet)) * (size ? pageSize(size.value) : 1);
  };
  return selectionCost(operation);
}
