import type { Db } from '../../../platform/db/createDb';
import { isoInstant } from '../agreement/agreementRow';
import type { Consent } from './consent.type';
import { ConsentStatus } from './ConsentStatus';

const CONSENT = 'governance.consent';

interface ConsentRow {
  id: string;
  subject_id: string;
  consumer: string;
  purpose: string;
  fields: string[];
  status: 'active' | 'withdrawn';
  granted_at: Date | string;
  expires_at: Date | string | null;
  withdrawn_at: Date | string | null;
  data_life_days: number | null;
  expired: boolean;
}

export interface NewConsent {
  subjectId: string;
  organisation: string;
  purpose: string;
  fields: string[];
  expiresAt: Date;
  dataLifeDays: number | null;
}

function toConsent(row: ConsentRow): Consent {
  return {
    subjectId: row.subject_id,
    id: row.id,
    organisation: row.consumer,
    purpose: row.purpose,
    fields: row.fields,
    status:
      row.status === 'withdrawn'
        ? ConsentStatus.WITHDRAWN
        : row.expired
          ? ConsentStatus.EXPIRED
          : ConsentStatus.ACTIVE,
    grantedAt: isoInstant(row.granted_at),
    expiresAt: row.expires_at === null ? null : isoInstant(row.expires_at),
    withdrawnAt: row.withdrawn_at === null ? null : isoInstant(row.withdrawn_at),
    dataLifeDays: row.data_life_days,
  };
}

/** The only place the register of consents is read and written. */
export class ConsentRepository {
  constructor(private readonly db: Db) {}

  // Expiry is judged by the database clock, as the policy engine judges consents in force.
  private select() {
    return this.db<ConsentRow>(CONSENT).select(
      '*',
      this.db.raw('(expires_at is not null and expires_at <= now()) as expired'),
    );
  }

  /** A person's consents, the most recent first. */
  async findBySubject(subjectId: string): Promise<Consent[]> {
    const rows = await this.select()
      .where({ subject_id: subjectId })
      .orderBy([
        { column: 'granted_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toConsent);
  }

  async insert(consent: NewConsent): Promise<Consent> {
    const [{ id }] = await this.db(CONSENT)
      .insert({
        subject_id: consent.subjectId,
        consumer: consent.organisation,
        purpose: consent.purpose,
        fields: consent.fields,
        expires_at: consent.expiresAt,
        data_life_days: consent.dataLifeDays,
      })
      .returning<{ id: string }[]>('id');
    return (await this.findOwn(id, consent.subjectId))!;
  }

  /** One of a person's own consents; null when it is someone else's or does not exist. */
  async findOwn(id: string, subjectId: string): Promise<Consent | null> {
    const row = await this.select().where({ id, subject_id: subjectId }).first();
    return row ? toConsent(row) : null;
  }

  /** Withdraws one of a person's own active consents; null when there is none such. */
  async withdraw(id: string, subjectId: string): Promise<Consent | null> {
    const updated = await this.db(CONSENT)
      .where({ id, subject_id: subjectId, status: 'active' })
      .update({ status: 'withdrawn', withdrawn_at: this.db.fn.now() });
    return updated === 0 ? null : this.findOwn(id, subjectId);
  }
}
