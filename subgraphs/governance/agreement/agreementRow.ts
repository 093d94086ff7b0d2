import { type AgreementRow, toAgreement } from '../../../platform/policy/agreementRepository';
import type { Agreement } from './agreement.type';

/** A row of governance.agreement with the register's own columns. */
export interface RegisterAgreementRow extends AgreementRow {
  review_date: string | null;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
  updated_at: Date | string;
  changed_by: string;
}

/** The terms of an agreement the register lets an administrator set. */
export type AgreementTerms = Pick<
  Agreement,
  | 'title'
  | 'purposes'
  | 'fields'
  | 'form'
  | 'legalBasis'
  | 'legalBasisKind'
  | 'specialCategory'
  | 'reuseTerms'
  | 'onwardSharing'
  | 'retentionDays'
  | 'licence'
  | 'validFrom'
  | 'validUntil'
  | 'reviewDate'
  | 'status'
  | 'minCellSize'
>;

export const TERM_COLUMNS: Record<keyof AgreementTerms, keyof RegisterAgreementRow> = {
  title: 'title',
  purposes: 'purposes',
  fields: 'fields',
  form: 'form',
  legalBasis: 'legal_basis',
  legalBasisKind: 'legal_basis_kind',
  specialCategory: 'special_category',
  reuseTerms: 'reuse_terms',
  onwardSharing: 'onward_sharing',
  retentionDays: 'retention_days',
  licence: 'licence',
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  reviewDate: 'review_date',
  status: 'status',
  minCellSize: 'min_cell_size',
};

export function isoInstant(value: Date | string): string {
  return new Date(value).toISOString();
}

/** Maps a row, reusing the policy engine's mapping so the register shows what policy applies. */
export function toRegisterAgreement(row: RegisterAgreementRow): Agreement {
  return {
    ...toAgreement(row),
    reviewDate: row.review_date,
    revokedAt: row.revoked_at === null ? null : isoInstant(row.revoked_at),
    revokedReason: row.revoked_reason,
    updatedAt: isoInstant(row.updated_at),
    changedBy: row.changed_by,
  };
}

/** The columns to write for some terms. */
export function termColumns(terms: Partial<AgreementTerms>): Partial<RegisterAgreementRow> {
  const columns: Record<string, unknown> = {};
  for (const [term, column] of Object.entries(TERM_COLUMNS)) {
    const value = terms[term as keyof AgreementTerms];
    if (value !== undefined) columns[column] = value;
  }
  return columns as Partial<RegisterAgreementRow>;
}
