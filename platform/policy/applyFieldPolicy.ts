import {
  type GraphQLSchema,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isLeafType,
} from 'graphql';
import { isPromise } from '@graphql-tools/utils';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield/typings/types';
import { forbidden } from '../errors/clientErrors';
import { asDataSourceUnavailable } from '../errors/dataSourceUnavailable';
import { ErrorCode } from '../errors/ErrorCode';
import { assertEveryFieldClassified, isFederationField, servedFields } from './classifiedFields';
import { type AgencyFieldPolicy, fieldRule } from './fieldPolicy';
import { type Release, type RequestPolicy, SUBJECT } from './RequestPolicy';

interface PolicyContext {
  policy: RequestPolicy;
}

/**
 * Enforces an agency's field policy inside its subgraph, on every path (root fields and
 * `_entities` alike): graphql-shield rules generated from the classification allow or deny
 * each field, once per request, with deny as the fallback; a second layer applies masks, passes the data subject
 * down to records that inherit it, and notes the terms of every release.
 */
export function applyFieldPolicy(schema: GraphQLSchema, policy: AgencyFieldPolicy): GraphQLSchema {
  assertEveryFieldClassified(schema, policy);
  const federationRules = Object.fromEntries(
    ['_entities', '_service']
      .filter((field) => schema.getQueryType()?.getFields()[field])
      .map((field) => [field, allow]),
  );
  const rules: Record<string, Record<string, unknown>> = {
    Query: federationRules,
    ...(schema.getType('_Service') ? { _Service: { sdl: allow } } : {}),
  };
  // By `Type.field`: the requests (their contexts) in which the field's rule has allowed it.
  const allowedIn = new Map<string, WeakSet<object>>();
  for (const [type, field] of servedFields(schema)) {
    rules[type] ??= {};
    const requestsAllowed = new WeakSet<object>();
    allowedIn.set(`${type}.${field}`, requestsAllowed);
    // The field's decision for this caller and purpose, made once per request (`contextual`):
    // a list of 1,000 records asks it once. What depends on the record (is it the caller's
    // own, has this person consented) is checked per record by the release layer below.
    rules[type]![field] = rule(`${policy.agency}:${type}.${field}`, { cache: 'contextual' })(
      (_parent: unknown, _args: unknown, context: PolicyContext) => {
        const refusal = context.policy.fieldRefusal(type, field);
        if (refusal) return refusal;
        requestsAllowed.add(context);
        return true;
      },
    );
  }
  const shieldMiddleware = shield(rules as IRules, {
    fallbackRule: rule('deny-by-default', { cache: 'no_cache' })(() => false),
    fallbackError: () =>
      forbidden(`Access denied: this field is not covered by ${policy.agency}'s policy`),
    allowExternalErrors: true,
    debug: false,
  });
  const shieldFields = shieldMiddleware.generate(schema) as Record<string, Record<string, unknown>>;
  return applyMiddleware(
    schema,
    withRelease(schema, policy, shieldFields, allowedIn) as unknown as IMiddlewareTypeMap,
  );
}

/** The shield's middleware for a field; its logic rules (`allow`) come with an empty fragment list. */
function shieldResolver(type: string, field: string, generated: unknown): FieldMiddleware {
  if (typeof generated === 'function') return generated as FieldMiddleware;
  const { fragment, fragments, resolve } = generated as {
    fragment?: string;
    fragments?: string[];
    resolve?: FieldMiddleware;
  };
  if (!resolve || fragment || (fragments && fragments.length > 0)) {
    throw new Error(`${type}.${field}: a shield rule with fragments is not supported here`);
  }
  return resolve;
}

type FieldMiddleware = (
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * One middleware per field instead of two: the shield's rule, then the release layer. The
 * shield's decision on a field is the same for every record of a request (its rules are
 * `contextual`), so once a rule has allowed a field in a request, its later records go
 * straight to the release layer, without the shield's promises per field per record (on a
 * page of 100 people, that was a quarter of the subgraph's CPU). Until a rule has allowed
 * the field, every record goes through the shield, and the fallback rule never allows.
 */
function withRelease(
  schema: GraphQLSchema,
  policy: AgencyFieldPolicy,
  shieldFields: Record<string, Record<string, unknown>>,
  allowedIn: ReadonlyMap<string, WeakSet<object>>,
): Record<string, Record<string, FieldMiddleware>> {
  const fused: Record<string, Record<string, FieldMiddleware>> = {};
  for (const [type, fields] of Object.entries(shieldFields)) {
    const fusedFields: Record<string, FieldMiddleware> = (fused[type] = {});
    for (const [field, shieldField] of Object.entries(fields)) {
      const throughShield = shieldResolver(type, field, shieldField);
      const requestsAllowed = allowedIn.get(`${type}.${field}`);
      const plan = releasePlan(schema, policy, type, field);
      fusedFields[field] = (resolve, parent, args, context, info) => {
        if (requestsAllowed?.has(context)) {
          return releaseMiddleware(plan, resolve, parent, args, context, info);
        }
        return throughShield(
          (p, a, c, i) => releaseMiddleware(plan, resolve, p, a, c as PolicyContext, i),
          parent,
          args,
          context,
          info,
        );
      };
    }
  }
  return fused;
}

/** What the release layer needs to know of a field, worked out once, when the schema is built. */
interface ReleasePlan {
  type: string;
  field: string;
  /** Federation's own fields (`_entities`, `_service`, `_Service.sdl`): no data of their own. */
  federation: boolean;
  /** The named type the field returns. */
  returnedType: string;
  /** Whether it returns a value (a scalar or enum), not a record. */
  returnsValue: boolean;
  identifiedOnly: boolean;
  /** Whether the records it returns take their subject from the record they are reached from. */
  passesSubject: boolean;
}

function releasePlan(
  schema: GraphQLSchema,
  policy: AgencyFieldPolicy,
  type: string,
  field: string,
): ReleasePlan {
  const returned = getNamedType(
    (schema.getType(type) as GraphQLObjectType).getFields()[field]!.type,
  );
  return {
    type,
    field,
    federation: isFederationField(type, field),
    returnedType: returned.name,
    returnsValue: isLeafType(returned),
    identifiedOnly: fieldRule(policy, type, field)?.identifiedOnly === true,
    passesSubject: policy.types[returned.name]?.subject === 'inherit',
  };
}

type Resolve = (
  parent: unknown,
  args: unknown,
  context: unknown,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * Every field passes here, `_entities` too: the one place a database outage is told as such.
 * It stays synchronous for a field whose release needs no read (almost all of them), so a
 * list of records costs no promise per field per record beyond the resolver's own.
 */
function releaseMiddleware(
  plan: ReleasePlan,
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
): unknown {
  try {
    const released = releaseField(plan, resolve, parent, args, context, info);
    return isPromise(released) ? released.catch(rethrowAsOutage) : released;
  } catch (error) {
    return rethrowAsOutage(error);
  }
}

function rethrowAsOutage(error: unknown): never {
  throw asDataSourceUnavailable(error);
}

function releaseField(
  plan: ReleasePlan,
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
): unknown {
  if (plan.federation) return resolve(parent, args, context, info);
  const release = context.policy.release(plan.type, plan.field, parent);
  return isPromise(release)
    ? release.then((settled) =>
        resolveReleased(plan, settled, resolve, parent, args, context, info),
      )
    : resolveReleased(plan, release, resolve, parent, args, context, info);
}

function resolveReleased(
  plan: ReleasePlan,
  release: Release | GraphQLError,
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
): unknown {
  // The shield has already refused a field denied outright; this refuses it per record.
  if (release instanceof GraphQLError) throw release;
  const { policy } = context;
  const value = plan.identifiedOnly
    ? resolveIdentified(policy, plan.type, plan.field, plan.returnedType, () =>
        resolve(parent, args, context, info),
      )
    : resolve(parent, args, context, info);
  return isPromise(value)
    ? value.then((resolved) => finishRelease(plan, release, policy, parent, info, resolved))
    : finishRelease(plan, release, policy, parent, info, value);
}

function finishRelease(
  plan: ReleasePlan,
  release: Release,
  policy: RequestPolicy,
  parent: unknown,
  info: GraphQLResolveInfo,
  resolved: unknown,
): unknown {
  if (resolved === null || resolved === undefined) return resolved;
  // Only values are data; entry points and links to records are not releases of their own.
  if (plan.returnsValue) policy.dataUse.record(release.basis);
  policy.noteRelease(plan.type, plan.field, parent, release.basis, info.path);
  const released = release.mask ? applyMask(resolved, release.mask) : resolved;
  return plan.passesSubject ? withSubject(released, policy.subjectOf(plan.type, parent)) : released;
}

/**
 * Resolves a lookup by identifier, or a link from an identifying record, only for people the
 * caller may identify. A caller who may identify nobody is refused before anything is read;
 * for one who may identify some (themself, those who consented), a missing record and a
 * record about someone else get the same refusal, so the answer tells nothing of existence.
 */
async function resolveIdentified(
  policy: RequestPolicy,
  type: string,
  field: string,
  returnedType: string,
  resolve: () => unknown,
): Promise<unknown> {
  const scope = policy.identityScope().kind;
  if (scope === 'everyone') return resolve();
  if (scope === 'nobody') throw policy.unidentified(type, field);
  let value: unknown;
  try {
    value = await resolve();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.NOT_FOUND)
      throw policy.unidentified(type, field);
    throw error;
  }
  if (value === null || value === undefined) throw policy.unidentified(type, field);
  const records: unknown[] = Array.isArray(value) ? value : [value];
  const identified = await Promise.all(
    records.map((record) => policy.mayIdentify(policy.subjectOf(returnedType, record))),
  );
  if (!identified.every(Boolean)) throw policy.unidentified(type, field);
  return value;
}

function applyMask(value: unknown, mask: (value: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(mask) : mask(value);
}

/** Copies records so that each carries the subject it was reached through (records are shared between loaders). */
function withSubject(value: unknown, subject: string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => withSubject(item, subject));
  if (typeof value !== 'object' || value === null) return value;
  return { ...(value as object), [SUBJECT]: (value as { [SUBJECT]?: string })[SUBJECT] ?? subject };
}
