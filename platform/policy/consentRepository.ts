import type { Db } from '../db/createDb';

/** A person's consent that an organisation may read named fields for a purpose. */
export interface Consent {
  id: string;
  subjectId: string;
  consumer: string;
  purpose: string;
  fields: string[];
}

interface ConsentRow {
  id: string;
  subject_id: string;
  consumer: string;
  purpose: string;
  fields: string[];
}

/** Reads consents in force from the governance store. */
export class ConsentRepository {
  constructor(private readonly db: Db) {}

  /** Active, unexpired consents of the given people for one organisation and purpose. */
  async findInForce(
    subjectIds: readonly string[],
    consumer: string,
    purpose: string,
  ): Promise<Consent[]> {
    const rows: ConsentRow[] = await this.db('governance.consent')
      .whereRaw('subject_id = any(?)', [Array.from(subjectIds)])
      .andWhere({ consumer, purpose, status: 'active' })
      .andWhereRaw('(expires_at is null or expires_at > now())')
      .select('id', 'subject_id', 'consumer', 'purpose', 'fields');
    return rows.map((row) => ({
      id: row.id,
      subjectId: row.subject_id,
      consumer: row.consumer,
      purpose: row.purpose,
      fields: row.fields,
    }));
  }
}
