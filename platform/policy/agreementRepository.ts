import type { Db } from '../db/createDb';
import type { Agreement } from './agreement';

export interface AgreementRow {
  id: string;
  title: string;
  provider: string;
  consumer: string;
  purposes: string[];
  fields: string[];
  form: 'full' | 'masked';
  legal_basis: string;
  legal_basis_kind: Agreement['legalBasisKind'];
  special_category: boolean;
  reuse_terms: string;
  onward_sharing: boolean;
  retention_days: number | null;
  licence: string | null;
  valid_from: string;
  valid_until: string | null;
  status: Agreement['status'];
  version: number;
  min_cell_size: number;
}

export function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    consumer: row.consumer,
    purposes: row.purposes,
    fields: row.fields,
    form: row.form,
    legalBasis: row.legal_basis,
    legalBasisKind: row.legal_basis_kind,
    specialCategory: row.special_category,
    reuseTerms: row.reuse_terms,
    onwardSharing: row.onward_sharing,
    retentionDays: row.retention_days,
    licence: row.licence,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    version: row.version,
    minCellSize: row.min_cell_size,
  };
}

/** Reads the governance store's agreements and its change counter. */
export class AgreementRepository {
  constructor(private readonly db: Db) {}

  /**
   * Every agreement of the register that has been approved: a proposal awaiting its approval
   * never reaches a decision, whatever its terms say.
   */
  async findAll(): Promise<Agreement[]> {
    const query = this.db<AgreementRow>('governance.agreement')
      .whereNot('status', 'proposed')
      .orderBy('id');
    return (await query).map(toAgreement);
  }

  async revision(): Promise<number> {
    const row = await this.db('governance.revision')
      .where({ id: 1 })
      .first<{ value: number } | undefined>('value');
    return Number(row?.value ?? 0);
  }
}
