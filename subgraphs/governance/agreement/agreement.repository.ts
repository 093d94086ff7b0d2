import type { Db } from '../../../platform/db/createDb';
import type { AgreementChange } from './agreementChange.type';
import {
  type AgreementTerms,
  isoInstant,
  type RegisterAgreementRow,
  termColumns,
  toRegisterAgreement,
} from './agreementRow';
import type { Agreement } from './agreement.type';

const AGREEMENT = 'governance.agreement';
const CHANGE = 'governance.agreement_change';

export interface AgreementFilter {
  provider?: string;
  consumer?: string;
  status?: Agreement['status'];
}

/** A new agreement: its parties and terms. */
export type NewAgreement = AgreementTerms & Pick<Agreement, 'id' | 'provider' | 'consumer'>;

/** What a change does to an agreement, decided against its current, locked version. */
export interface AgreementUpdate {
  action: 'changed' | 'revoked';
  terms: Partial<AgreementTerms>;
  changedTerms: string[];
  reason: string | null;
}

interface ChangeRow {
  agreement_id: string;
  version: number;
  action: AgreementChange['action'];
  changed_terms: string[];
  reason: string | null;
  changed_by: string;
  changed_at: Date | string;
}

/** The only place the register's agreements and their audit trail are read and written. */
export class AgreementRepository {
  constructor(private readonly db: Db) {}

  async findAll(filter: AgreementFilter = {}): Promise<Agreement[]> {
    const query = this.db<RegisterAgreementRow>(AGREEMENT).orderBy('id');
    if (filter.provider !== undefined) query.where('provider', filter.provider);
    if (filter.consumer !== undefined) query.where('consumer', filter.consumer);
    if (filter.status !== undefined) query.where('status', filter.status);
    return (await query).map(toRegisterAgreement);
  }

  async findByIds(ids: readonly string[]): Promise<Agreement[]> {
    const rows = await this.db<RegisterAgreementRow>(AGREEMENT).whereRaw('id = any(?)', [
      Array.from(ids),
    ]);
    return rows.map(toRegisterAgreement);
  }

  async findByConsumers(consumers: readonly string[]): Promise<Agreement[]> {
    const rows = await this.db<RegisterAgreementRow>(AGREEMENT)
      .whereRaw('consumer = any(?)', [Array.from(consumers)])
      .orderBy('id');
    return rows.map(toRegisterAgreement);
  }

  async historyOf(ids: readonly string[]): Promise<AgreementChange[]> {
    const rows = await this.db<ChangeRow>(CHANGE)
      .whereRaw('agreement_id = any(?)', [Array.from(ids)])
      .orderBy(['agreement_id', 'version']);
    return rows.map((row) => ({
      agreementId: row.agreement_id,
      version: row.version,
      action: row.action,
      changedTerms: row.changed_terms,
      reason: row.reason,
      changedBy: row.changed_by,
      changedAt: isoInstant(row.changed_at),
    }));
  }

  /** Enters a new agreement, or returns null when its id is taken. */
  insert(agreement: NewAgreement, changedBy: string): Promise<Agreement | null> {
    return this.db.transaction(async (trx) => {
      const [row] = await trx<RegisterAgreementRow>(AGREEMENT)
        .insert({
          id: agreement.id,
          provider: agreement.provider,
          consumer: agreement.consumer,
          ...termColumns(agreement),
          version: 1,
          changed_by: changedBy,
        })
        .onConflict('id')
        .ignore()
        .returning('*');
      if (!row) return null;
      await trx(CHANGE).insert({
        agreement_id: row.id,
        version: 1,
        action: 'granted',
        changed_by: changedBy,
      });
      return toRegisterAgreement(row);
    });
  }

  /**
   * Changes an agreement under a row lock: `decide` sees the current version and returns the
   * update (or throws to refuse it). Returns null when there is no such agreement.
   */
  update(
    id: string,
    changedBy: string,
    decide: (current: Agreement) => AgreementUpdate,
  ): Promise<Agreement | null> {
    return this.db.transaction(async (trx) => {
      const current = await trx<RegisterAgreementRow>(AGREEMENT).where({ id }).forUpdate().first();
      if (!current) return null;
      const update = decide(toRegisterAgreement(current));
      const version = current.version + 1;
      const [row] = await trx(AGREEMENT)
        .where({ id })
        .update({
          ...termColumns(update.terms),
          ...(update.action === 'revoked'
            ? { revoked_at: trx.fn.now(), revoked_reason: update.reason }
            : {}),
          version,
          changed_by: changedBy,
          updated_at: trx.fn.now(),
        })
        .returning<RegisterAgreementRow[]>('*');
      await trx(CHANGE).insert({
        agreement_id: id,
        version,
        action: update.action,
        changed_terms: update.changedTerms,
        reason: update.reason,
        changed_by: changedBy,
      });
      return toRegisterAgreement(row!);
    });
  }
}
