import type { Classification } from '../../platform/policy/classification';
import type { CatalogFile, CatalogFileField } from '../../subgraphs/governance/catalog/catalogFile';
import { changeId, type SchemaChange } from './schemaChange';

/**
 * How restricted each classification is, least first. An aggregate is never released per
 * person, to anyone, so it ranks above special-category data, which is released per person
 * under an explicit basis.
 */
const RESTRICTION: Record<Classification, number> = {
  public: 0,
  internal: 1,
  personal: 2,
  'special-category': 3,
  aggregate: 4,
};

/**
 * Every change to how a field present in both catalogs is governed: its classification, its
 * masked form and the audiences it is reserved to. Each one changes what some caller may
 * read, so each is breaking: a looser rule releases data no agreement was written for, a
 * stricter one withholds data that clients rely on.
 */
export function governanceChanges(base: CatalogFile, current: CatalogFile): SchemaChange[] {
  const before = fieldsByPath(base);
  const changes: SchemaChange[] = [];
  for (const [path, now] of fieldsByPath(current)) {
    const was = before.get(path);
    if (was) changes.push(...fieldChanges(path, was, now));
  }
  return changes;
}

function fieldChanges(path: string, was: CatalogFileField, now: CatalogFileField): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const change = (type: string, message: string) =>
    changes.push({
      id: changeId(type, path),
      area: 'governance',
      type,
      path,
      criticality: 'BREAKING',
      message,
    });
  if (was.classification !== now.classification) {
    const looser = RESTRICTION[now.classification] < RESTRICTION[was.classification];
    change(
      looser ? 'CLASSIFICATION_LESS_RESTRICTIVE' : 'CLASSIFICATION_MORE_RESTRICTIVE',
      `Classification of '${path}' changed from '${was.classification}' to '${now.classification}' (${looser ? 'less' : 'more'} restrictive)`,
    );
  }
  if (was.maskedForm !== now.maskedForm) {
    if (was.maskedForm === null)
      change('MASKED_FORM_ADDED', `'${path}' gained the masked form '${now.maskedForm}'`);
    else if (now.maskedForm === null)
      change('MASKED_FORM_REMOVED', `'${path}' lost its masked form '${was.maskedForm}'`);
    else
      change(
        'MASKED_FORM_CHANGED',
        `Masked form of '${path}' changed from '${was.maskedForm}' to '${now.maskedForm}'`,
      );
  }
  const wasReserved = audiences(was);
  const nowReserved = audiences(now);
  if (wasReserved !== nowReserved) {
    if (wasReserved === null)
      change('RESERVATION_ADDED', `'${path}' is now reserved to ${nowReserved}`);
    else if (nowReserved === null)
      change('RESERVATION_REMOVED', `'${path}' is no longer reserved to ${wasReserved}`);
    else
      change(
        'RESERVATION_CHANGED',
        `'${path}' is now reserved to ${nowReserved} instead of ${wasReserved}`,
      );
  }
  return changes;
}

/** `agency/Type.field` for every field of a catalog: an entity's fields belong to several agencies. */
function fieldsByPath(catalog: CatalogFile): Map<string, CatalogFileField> {
  const fields = new Map<string, CatalogFileField>();
  for (const { agency, types } of catalog.agencies)
    for (const { type, fields: typeFields } of types)
      for (const field of typeFields) fields.set(`${agency}/${type}.${field.field}`, field);
  return fields;
}

function audiences({ reservedTo }: CatalogFileField): string | null {
  if (reservedTo === null) return null;
  return reservedTo
    .map((audience) => (audience === 'citizen' ? 'citizen' : `role ${audience.role}`))
    .sort()
    .join(', ');
}
