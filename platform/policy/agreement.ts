/**
 * The agreements a decision is made from, or `unavailable` when the governance store has not
 * answered for longer than policy may trust what it last said: then nothing is released under
 * an agreement.
 */
export type AgreementsInForce = readonly Agreement[] | 'unavailable';

/** The lawful ground an agreement rests on (GDPR art. 6 and 9). */
export type LegalBasisKind = 'law' | 'public-task' | 'consent' | 'contract';

/**
 * A data-sharing agreement: a providing agency lets a consuming organisation read named fields
 * for named purposes, in a form, under re-use terms, for a period.
 */
export interface Agreement {
  id: string;
  title: string;
  provider: string;
  consumer: string;
  purposes: string[];
  /** `Type.field`, or `Type.*` for every field of a type. */
  fields: string[];
  form: 'full' | 'masked';
  legalBasis: string;
  legalBasisKind: LegalBasisKind;
  /** Whether it explicitly covers special-category data (GDPR art. 9(2)). */
  specialCategory: boolean;
  reuseTerms: string;
  onwardSharing: boolean;
  retentionDays: number | null;
  licence: string | null;
  validFrom: string;
  validUntil: string | null;
  /** `proposed` until the providing agency's data controller approves it: never in force. */
  status: 'proposed' | 'active' | 'suspended' | 'revoked';
  version: number;
  /** The smallest cell of an aggregate released under it (statistical disclosure control). */
  minCellSize: number;
}

export function coversField(agreement: Agreement, type: string, field: string): boolean {
  return agreement.fields.includes(`${type}.${field}`) || agreement.fields.includes(`${type}.*`);
}

/** Active, and today within its validity period. */
export function isInForce(agreement: Agreement, today: string): boolean {
  return (
    agreement.status === 'active' &&
    agreement.validFrom <= today &&
    (agreement.validUntil === null || agreement.validUntil >= today)
  );
}

/** The terms a response carries for the data an agreement released. */
export function reuseTermsOf(agreement: Agreement) {
  return {
    agreement: agreement.id,
    title: agreement.title,
    legalBasis: agreement.legalBasis,
    reuseTerms: agreement.reuseTerms,
    onwardSharing: agreement.onwardSharing,
    retentionDays: agreement.retentionDays,
    licence: agreement.licence,
    form: agreement.form,
  };
}
