import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from 'graphql';
import {
  type AgencyFieldPolicy,
  type FieldRule,
  fieldRule,
  type SubjectRule,
} from '../../platform/policy/fieldPolicy';

/** A way through the graph that ties a person's identity to masked data about them. */
export interface Linkage {
  /** From the root field to the subject's record, e.g. `Query.company > Company.boardSeats`. */
  path: string;
  /** Why the subject is identified there: an identifying field or an entry by identifier. */
  identifiedBy: string;
  /** A masked field released about the same subject. */
  masked: string;
}

interface Step {
  type: GraphQLObjectType;
  path: string[];
}

/**
 * Walks every path of a composed schema from its root fields as a caller who holds masked
 * grants on every maskable field and may identify nobody, and reports each subject (a person
 * reached along a path) about whom such a caller would receive a masked field together with
 * an identifying one, or whom it reached by naming them (a lookup by identifier). A link
 * between two people's records must say whether it leads to the same person or to others;
 * one that does not is reported (and walked as the same person, the stricter reading), so
 * every new path is placed.
 */
export function findLinkages(
  schema: GraphQLSchema,
  policies: readonly AgencyFieldPolicy[],
): { linkages: Linkage[]; unplaced: string[] } {
  const ruleOf = (type: string, field: string): FieldRule | undefined =>
    policies.map((policy) => fieldRule(policy, type, field)).find(Boolean);
  const subjectOf = (type: string): SubjectRule =>
    policies.map((policy) => policy.types[type]?.subject).find(Boolean) ?? 'none';
  const hasSubject = (type: string) => subjectOf(type) !== 'none';

  const linkages: Linkage[] = [];
  const unplaced = new Set<string>();
  const entered = new Set<string>();
  const queue: Step[] = [];

  /** Which fields this caller is released: public ones, and those with a masked form. */
  const released = (rule: FieldRule | undefined) =>
    rule !== undefined &&
    !rule.joinKey &&
    !rule.identifiedOnly &&
    (rule.classification === 'public' || rule.mask !== undefined);

  const visitSubject = (type: GraphQLObjectType, path: string[], identifiedBy: string | null) => {
    const key = `${type.name}|${identifiedBy !== null}`;
    if (entered.has(key)) return;
    entered.add(key);
    let identified = identifiedBy;
    let masked: string | null = null;
    // Every record reachable without leaving the subject: the person, their address, ...
    const seen = new Set<string>();
    const same: GraphQLObjectType[] = [type];
    while (same.length > 0) {
      const current = same.pop()!;
      if (seen.has(current.name)) continue;
      seen.add(current.name);
      for (const field of Object.values(current.getFields())) {
        const rule = ruleOf(current.name, field.name);
        if (!released(rule)) continue;
        const name = `${current.name}.${field.name}`;
        if (rule!.identifying) identified ??= name;
        if (rule!.mask !== undefined && rule!.classification !== 'public') masked ??= name;
        const target = objectTypeOf(field);
        if (!target) continue;
        const leads = leadsTo(current.name, rule!, target.name, subjectOf);
        if (leads === 'same-subject' || leads === 'unplaced') same.push(target);
        else queue.push({ type: target, path: [...path, name] });
      }
    }
    if (identified !== null && masked !== null)
      linkages.push({ path: path.join(' > '), identifiedBy: identified, masked });
  };

  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const rule = ruleOf(root!.name, field.name);
      if (field.name.startsWith('_') || !released(rule)) continue;
      const target = objectTypeOf(field);
      if (!target) continue;
      const name = `${root!.name}.${field.name}`;
      // A root field that returns a person's record itself names whom it wants.
      if (hasSubject(target.name)) visitSubject(target, [name], `${name} (a lookup)`);
      else queue.push({ type: target, path: [name] });
    }
  }
  const walked = new Set<string>();
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (hasSubject(type.name)) {
      visitSubject(type, path, null);
      continue;
    }
    if (walked.has(type.name)) continue;
    walked.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(type.name, field.name);
      const target = objectTypeOf(field);
      if (target && released(rule))
        queue.push({ type: target, path: [...path, `${type.name}.${field.name}`] });
    }
  }
  // Every link between two people's records, released to this caller or not, must be placed.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(type.name, field.name);
      const target = objectTypeOf(field);
      if (rule && target && leadsTo(type.name, rule, target.name, subjectOf) === 'unplaced')
        unplaced.add(`${type.name}.${field.name}`);
    }
  }
  return { linkages, unplaced: [...unplaced].sort() };
}

function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const type = getNamedType(field.type);
  return isObjectType(type) ? type : null;
}

function leadsTo(
  from: string,
  rule: FieldRule,
  to: string,
  subjectOf: (type: string) => SubjectRule,
): 'same-subject' | 'other-subjects' | 'none' | 'unplaced' {
  const target = subjectOf(to);
  if (target === 'none') return 'none';
  if (target === 'inherit') return 'same-subject';
  if (subjectOf(from) === 'none') return 'other-subjects';
  return rule.leadsTo ?? 'unplaced';
}
