import type { Caller } from '../../../platform/context/Caller';
import { coversField, isInForce } from '../../../platform/policy/agreement';
import { CLASSIFICATION_MEANING } from '../../../platform/policy/classification';
import { decideField, type FieldRequest } from '../../../platform/policy/decideField';
import type { FieldDecision } from '../../../platform/policy/decision';
import type { Audience, FieldRule } from '../../../platform/policy/fieldPolicy';
import { keep } from '../../../platform/policy/masks';
import type { Agreement } from '../agreement/agreement.type';
import { AccessDecision } from './AccessDecision';
import type { CatalogField } from './catalogField.type';
import type { CatalogGrant } from './catalogGrant.type';
import type { CatalogEntry } from './DataCatalog';
import type { FieldAccess } from './fieldAccess.type';

/** Who asks and why, and the day agreements are judged on. */
export interface AccessQuestion {
  caller: Caller;
  purpose: string | null;
  today: string;
}

const DECISIONS: Record<FieldDecision['effect'], AccessDecision> = {
  allow: AccessDecision.ALLOWED,
  mask: AccessDecision.MASKED,
  'own-data': AccessDecision.OWN_DATA_ONLY,
  consent: AccessDecision.WITH_CONSENT,
  deny: AccessDecision.DENIED,
};

/**
 * Describes catalog fields for one caller: each decision is made by `decideField`, the same
 * function that enforces policy in every subgraph, over the agreements of the field's provider
 * (as that subgraph's policy store holds them).
 */
export function describeFields(
  entries: readonly CatalogEntry[],
  question: AccessQuestion,
  agreements: readonly Agreement[],
): CatalogField[] {
  const byProvider = new Map<string, Agreement[]>();
  for (const agreement of agreements) {
    const list = byProvider.get(agreement.provider) ?? [];
    list.push(agreement);
    byProvider.set(agreement.provider, list);
  }
  return entries.map((entry) => {
    const provided = byProvider.get(entry.agency) ?? [];
    return {
      agency: entry.agency,
      agencyTitle: entry.agencyTitle,
      type: entry.type,
      typeDescription: entry.typeDescription,
      field: entry.field,
      name: `${entry.type}.${entry.field}`,
      returns: entry.returns,
      description: entry.description,
      classification: entry.classification,
      classificationMeaning: CLASSIFICATION_MEANING[entry.classification],
      maskable: entry.maskedForm !== null,
      maskedForm: entry.maskedForm,
      reservedTo: entry.reservedTo?.map(describeAudience) ?? null,
      access: accessTo(entry, question, provided),
      grants: grantsOf(entry, question, provided),
    };
  });
}

function fieldRequest(entry: CatalogEntry): FieldRequest {
  const rule: FieldRule = {
    classification: entry.classification,
    // The catalog records only that a masked form exists; no decision depends on more.
    mask: entry.maskedForm === null ? undefined : keep,
    audience: entry.reservedTo ?? undefined,
  };
  return { agency: entry.agency, type: entry.type, field: entry.field, rule };
}

// Decisions name the agreements they were given, which are the register's own records.
function accessTo(
  entry: CatalogEntry,
  { caller, purpose, today }: AccessQuestion,
  agreements: readonly Agreement[],
): FieldAccess {
  const decision = decideField(fieldRequest(entry), { caller, purpose }, agreements, today);
  const common = { decision: DECISIONS[decision.effect], purpose };
  switch (decision.effect) {
    case 'deny':
    case 'own-data':
      return { ...common, reason: decision.reason, agreement: null };
    case 'consent':
      return { ...common, reason: decision.reason, agreement: decision.agreement as Agreement };
    case 'allow':
    case 'mask': {
      const { basis } = decision;
      if (basis.kind !== 'agreement') {
        return { ...common, reason: openReason(entry), agreement: null };
      }
      const agreement = basis.agreement as Agreement;
      const form =
        decision.effect === 'mask' ? `in its masked form (${entry.maskedForm})` : 'in full';
      return {
        ...common,
        reason: `released ${form} under agreement ${agreement.id} (${agreement.title}) for ${purpose}`,
        agreement,
      };
    }
  }
}

function openReason(entry: CatalogEntry): string {
  return entry.reservedTo
    ? `reserved to ${entry.reservedTo.map(describeAudience).join(' or ')}, which you are`
    : 'public data: anyone may read it, without declaring a purpose';
}

/** The agreements in force that would release the field to the caller's organisation. */
function grantsOf(
  entry: CatalogEntry,
  { caller, today }: AccessQuestion,
  agreements: readonly Agreement[],
): CatalogGrant[] {
  if (caller.kind !== 'organisation') return [];
  const request = fieldRequest(entry);
  return agreements
    .filter(
      (a) =>
        a.consumer === caller.organisation &&
        isInForce(a, today) &&
        coversField(a, entry.type, entry.field),
    )
    .flatMap((agreement) => {
      // Judged with this agreement alone, for one of its own purposes.
      const decision = decideField(
        request,
        { caller, purpose: agreement.purposes[0] ?? null },
        [agreement],
        today,
      );
      const releases =
        decision.effect === 'consent' ||
        ((decision.effect === 'allow' || decision.effect === 'mask') &&
          decision.basis.kind === 'agreement');
      return releases ? [{ ...agreement, decision: DECISIONS[decision.effect] }] : [];
    });
}

function describeAudience(audience: Audience): string {
  return audience === 'citizen' ? 'signed-in citizens' : `holders of the ${audience.role} role`;
}
