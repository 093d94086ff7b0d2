import type { Db } from '../../../platform/db/createDb';
import type { GpRegistration } from './gpRegistration.type';

interface GpRegistrationRow {
  national_id: string;
  practice: string;
  physician: string;
  since: string;
}

const GP_REGISTRATION = 'health.gp_registration';

function toGpRegistration(row: GpRegistrationRow): GpRegistration {
  return {
    patientId: row.national_id,
    practice: row.practice,
    physician: row.physician,
    since: row.since,
  };
}

/** The only place the GP registration table is read. */
export class GpRegistrationRepository {
  constructor(private readonly db: Db) {}

  /** The registrations of the given people; a person is on at most one GP's list. */
  async findByPatients(nationalIds: readonly string[]): Promise<GpRegistration[]> {
    const rows = await this.db<GpRegistrationRow>(GP_REGISTRATION).whereRaw(
      'national_id = any(?)',
      [Array.from(nationalIds)],
    );
    return rows.map(toGpRegistration);
  }
}
