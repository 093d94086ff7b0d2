import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { type AgencyFieldPolicy, fieldRule } from '../policy/fieldPolicy';

/** How many items a list without a `first` argument and without a declared `maxItems` is taken to hold. */
export const UNDECLARED_LIST_ITEMS = 100;

interface Estimate {
  /** People about whom personal data may be released, counted with repetition. */
  subjects: number;
  /** Whether the selection releases personal data about the record's own subject. */
  personal: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  policy: AgencyFieldPolicy;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

/**
 * An upper bound, read from the operation before anything is looked up, on how many people one
 * request to this subgraph can release personal data about: each list counts as long as its
 * `first` argument, its number of entity representations or its declared `maxItems` (else
 * UNDECLARED_LIST_ITEMS), multiplied down the paths that lead from one person to others. Only
 * records whose own selection releases personal data count; the access log is not counted.
 */
export function estimateSubjects(
  schema: GraphQLSchema,
  policy: AgencyFieldPolicy,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return estimate(
    { schema, policy, variables, fragments },
    root,
    operation.selectionSet,
    true,
    null,
  ).subjects;
}

function estimate(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  atRoot: boolean,
  listItems: number | null,
): Estimate {
  const total: Estimate = { subjects: 0, personal: false };
  for (const node of fieldsOf(walk, type, selectionSet)) {
    const field = type.getFields()[node.name.value];
    if (!field) continue;
    const rule = fieldRule(walk.policy, type.name, field.name);
    if (rule?.auditTrail || rule?.joinKey) continue;
    if (rule?.classification === 'personal' || rule?.classification === 'special-category')
      total.personal = true;
    if (!node.selectionSet) continue;
    const items = isListType(getNullableType(field.type))
      ? (listLength(walk, field, node) ?? listItems ?? rule?.maxItems ?? UNDECLARED_LIST_ITEMS)
      : 1;
    // A connection passes its page size on to its list of records.
    const passedOn = isListType(getNullableType(field.type))
      ? null
      : firstArgument(walk, field, node);
    let largest: Estimate = { subjects: 0, personal: false };
    for (const target of possibleTypes(walk, field, node.selectionSet)) {
      const below = estimate(walk, target, node.selectionSet, false, passedOn);
      const newSubject =
        hasSubject(walk, target.name) &&
        (atRoot || !hasSubject(walk, type.name) || rule?.leadsTo === 'other-subjects');
      const reached: Estimate = newSubject
        ? { subjects: (below.personal ? 1 : 0) + below.subjects, personal: false }
        : below;
      if (reached.subjects >= largest.subjects) largest = reached;
      largest.personal ||= reached.personal;
    }
    total.subjects += items * largest.subjects;
    total.personal ||= largest.personal;
  }
  return total;
}

function hasSubject(walk: Walk, type: string): boolean {
  const rule = walk.policy.types[type]?.subject;
  return rule !== undefined && rule !== 'none';
}

/** The field selections of a selection set on `type`, fragments spread in. */
function fieldsOf(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else {
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD
          ? walk.fragments.get(selection.name.value)
          : selection;
      const condition = fragment?.typeCondition?.name.value;
      if (fragment && (condition === undefined || condition === type.name))
        fields.push(...fieldsOf(walk, type, fragment.selectionSet));
    }
  }
  return fields;
}

/** The object types a field's records may have: its own, or the members its fragments name. */
function possibleTypes(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  selectionSet: SelectionSetNode,
): GraphQLObjectType[] {
  const named = getNamedType(field.type);
  if (isObjectType(named)) return [named];
  const names = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition)
        names.add(selection.typeCondition.name.value);
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = walk.fragments.get(selection.name.value);
        if (fragment) names.add(fragment.typeCondition.name.value);
      }
    }
  };
  collect(selectionSet);
  return [...names].map((name) => walk.schema.getType(name)).filter(isObjectType);
}

/** How many items a list field returns, as its arguments say: `first`, or the representations. */
function listLength(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number | null {
  if (field.name === '_entities') {
    const representations = argumentValue(walk, field, node, 'representations');
    return Array.isArray(representations) ? representations.length : null;
  }
  return firstArgument(walk, field, node);
}

function firstArgument(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number | null {
  const first = argumentValue(walk, field, node, 'first');
  return typeof first === 'number' && Number.isFinite(first) ? first : null;
}

function argumentValue(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  name: string,
): unknown {
  const definition = field.args.find((arg) => arg.name === name);
  if (!definition) return undefined;
  const given = node.arguments?.find((arg) => arg.name.value === name)?.value;
  return given === undefined ? definition.defaultValue : valueOf(walk, given);
}

function valueOf(walk: Walk, value: ValueNode): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return walk.variables[value.name.value];
    case Kind.INT:
      return Number(value.value);
    case Kind.LIST:
      return value.values.map((item) => valueOf(walk, item));
    default:
      return null;
  }
}
