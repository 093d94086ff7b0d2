import type { Db } from '../../../platform/db/createDb';
import type { Vaccination } from './vaccination.type';

interface VaccinationRow {
  id: number;
  national_id: string;
  vaccine: string;
  administered_on: string;
  dose: number;
}

const VACCINATION = 'health.vaccination';

function toVaccination(row: VaccinationRow): Vaccination {
  return {
    patientId: row.national_id,
    vaccine: row.vaccine,
    date: row.administered_on,
    dose: row.dose,
  };
}

/** The only place the vaccination table is read. */
export class VaccinationRepository {
  constructor(private readonly db: Db) {}

  /** Every vaccination of the given people, each person's most recent first. */
  async findByPatients(nationalIds: readonly string[]): Promise<Vaccination[]> {
    const rows = await this.db<VaccinationRow>(VACCINATION)
      .whereRaw('national_id = any(?)', [Array.from(nationalIds)])
      .orderBy([
        { column: 'national_id' },
        { column: 'administered_on', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toVaccination);
  }
}
