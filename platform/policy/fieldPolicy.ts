import type { AgencyName } from '../agencies';
import type { Classification } from './classification';
import type { Mask } from './masks';

/** How the data subject (the person a record is about) is found on a record of a type. */
export type SubjectRule =
  /** The record names its subject in this property (e.g. `nationalId`, `ownerId`). */
  | { property: string }
  /** The record is about whoever the record it was reached from is about (an address, a household). */
  | 'inherit'
  /** The record is not about a person (a company). */
  | 'none';

export interface FieldRule {
  classification: Classification;
  /** The masked form an agreement may grant; without one, a masked-only agreement does not cover the field. */
  mask?: Mask;
  /** A federation join key hidden from clients (`@inaccessible`): always served to the gateway. */
  joinKey?: boolean;
  /**
   * Operations reserved to some callers (managing agreements, giving consent): only they may use
   * the field, whatever its classification; the data it returns is still checked field by field.
   */
  audience?: Audience[];
  /** The access log's own records: reading them is not itself recorded (no loop). */
  auditTrail?: boolean;
  /**
   * The value names or singles out the record's subject (a name, a national ID, a registration
   * number): it never has a masked form, and it must not reach a caller beside masked data
   * about the same person (see `identifiedOnly`).
   */
  identifying?: boolean;
  /**
   * A lookup by an identifier, or a link from a record that identifies its subject, to that
   * subject's data: released only for subjects the caller may identify (personIdentity.ts),
   * and refused the same way whether the subject exists or not.
   */
  identifiedOnly?: boolean;
  /**
   * For a field that leads from one person's record to another record about a person: whether
   * it is the same person (a vehicle's owner) or others (a person's parents). Read by the
   * linkage property test, which refuses a link it cannot place.
   */
  leadsTo?: 'same-subject' | 'other-subjects';
  /**
   * For a list without a `first` argument: the most items it holds, as the register knows it
   * (two parents). Bounds a request's access records before anything is read (estimateSubjects.ts).
   */
  maxItems?: number;
  /**
   * A statistics operation over the registry's variables (platform/statistics): open to
   * organisations that declare a purpose; what it releases is decided variable by variable,
   * each as `Statistics.<variable>` in classification `aggregate` (statisticsGrants.ts).
   */
  perVariable?: boolean;
}

/** A kind of caller an operation is reserved to: signed-in citizens, or holders of a role. */
export type Audience = 'citizen' | { role: string };

export interface TypePolicy {
  subject: SubjectRule;
  fields: Record<string, FieldRule | Classification>;
}

/** An agency's classification of every field it serves, with masks and subjects. */
export interface AgencyFieldPolicy {
  agency: AgencyName;
  types: Record<string, TypePolicy>;
}

/** Declares an agency's field policy; kept as data, read by the shield generator and the catalog. */
export function defineFieldPolicy(
  agency: AgencyName,
  types: Record<string, TypePolicy>,
): AgencyFieldPolicy {
  return { agency, types };
}

export function fieldRule(
  policy: AgencyFieldPolicy,
  type: string,
  field: string,
): FieldRule | undefined {
  const rule = policy.types[type]?.fields[field];
  return typeof rule === 'string' ? PLAIN_RULES[rule] : rule;
}

/**
 * The rule of a field declared by its classification alone, one shared frozen object per
 * classification: `fieldRule` is asked several times for every released value, and must not
 * allocate.
 */
const PLAIN_RULES: Readonly<Record<Classification, FieldRule>> = Object.freeze({
  public: Object.freeze({ classification: 'public' }),
  internal: Object.freeze({ classification: 'internal' }),
  personal: Object.freeze({ classification: 'personal' }),
  'special-category': Object.freeze({ classification: 'special-category' }),
  aggregate: Object.freeze({ classification: 'aggregate' }),
});

/** Shorthands that read like the catalog: `personal({ mask: yearOnly })`. */
export const personal = (options: Omit<FieldRule, 'classification'> = {}): FieldRule => ({
  classification: 'personal',
  ...options,
});
export const specialCategory = (options: Omit<FieldRule, 'classification'> = {}): FieldRule => ({
  classification: 'special-category',
  ...options,
});
/** A statistics operation or extract: see `FieldRule.perVariable`. */
export const statisticsOperation: FieldRule = { classification: 'aggregate', perVariable: true };
export const joinKey: FieldRule = { classification: 'personal', joinKey: true };
/** A personal value that identifies its subject: never masked. */
export const identifying: FieldRule = { classification: 'personal', identifying: true };
