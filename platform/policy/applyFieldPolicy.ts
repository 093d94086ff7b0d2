import {
  type GraphQLSchema,
  GraphQLError,
  type GraphQLResolveInfo,
  getNamedType,
  isLeafType,
} from 'graphql';
import { applyMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield/typings/types';
import { forbidden } from '../errors/clientErrors';
import { asDataSourceUnavailable } from '../errors/dataSourceUnavailable';
import { ErrorCode } from '../errors/ErrorCode';
import { assertEveryFieldClassified, servedFields } from './classifiedFields';
import type { AgencyFieldPolicy } from './fieldPolicy';
import { type RequestPolicy, SUBJECT } from './RequestPolicy';

interface PolicyContext {
  policy: RequestPolicy;
}

/**
 * Enforces an agency's field policy inside its subgraph, on every path (root fields and
 * `_entities` alike): graphql-shield rules generated from the classification allow or deny
 * each field, with deny as the fallback; a second layer applies masks, passes the data subject
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
    _Service: { sdl: allow },
  };
  for (const [type, field] of servedFields(schema)) {
    rules[type] ??= {};
    rules[type]![field] = rule(`${policy.agency}:${type}.${field}`, { cache: 'no_cache' })(
      async (parent: unknown, _args: unknown, { policy: request }: PolicyContext) => {
        const release = await request.release(type, field, parent);
        return release instanceof GraphQLError ? release : true;
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
  return applyMiddleware(schema, shieldMiddleware, releaseMiddleware as IMiddlewareFunction);
}

type Resolve = (
  parent: unknown,
  args: unknown,
  context: unknown,
  info: GraphQLResolveInfo,
) => unknown;

// Every field passes here, `_entities` too: the one place a database outage is told as such.
async function releaseMiddleware(
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  try {
    return await releaseField(resolve, parent, args, context, info);
  } catch (error) {
    throw asDataSourceUnavailable(error);
  }
}

async function releaseField(
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: PolicyContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const type = info.parentType.name;
  if (type === '_Service' || (type === 'Query' && info.fieldName.startsWith('_'))) {
    return resolve(parent, args, context, info);
  }
  const { policy } = context;
  const release = await policy.release(type, info.fieldName, parent);
  // The shield has already refused this field; never resolve it.
  if (release instanceof GraphQLError) throw release;
  const returned = getNamedType(info.returnType);
  const value = policy.isIdentifiedOnly(type, info.fieldName)
    ? await resolveIdentified(policy, type, info.fieldName, returned.name, () =>
        resolve(parent, args, context, info),
      )
    : await resolve(parent, args, context, info);
  if (value === null || value === undefined) return value;
  // Only values are data; entry points and links to records are not releases of their own.
  if (isLeafType(returned)) policy.dataUse.record(release.basis);
  policy.noteRelease(type, info.fieldName, parent, release.basis, info.path);
  const released = release.mask ? applyMask(value, release.mask) : value;
  return policy.inheritsSubject(returned.name)
    ? withSubject(released, policy.subjectOf(type, parent))
    : released;
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
