import type { Db } from '../../../platform/db/createDb';
import type { DrivingLicence } from './drivingLicence.type';

interface DrivingLicenceRow {
  national_id: string;
  licence_number: string;
  categories: string;
  issued_on: string;
  valid_until: string;
}

const DRIVING_LICENCE = 'transport.driving_licence';

function toDrivingLicence(row: DrivingLicenceRow): DrivingLicence {
  return {
    holderId: row.national_id,
    licenceNumber: row.licence_number,
    // The register keeps categories as one comma-separated column, e.g. "A,B".
    categories: row.categories
      .split(',')
      .map((category) => category.trim())
      .filter((category) => category !== ''),
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
  };
}

/** The only place the driving licence table is read. */
export class DrivingLicenceRepository {
  constructor(private readonly db: Db) {}

  async findByHolders(nationalIds: readonly string[]): Promise<DrivingLicence[]> {
    const rows = await this.db<DrivingLicenceRow>(DRIVING_LICENCE).whereRaw(
      'national_id = any(?)',
      [Array.from(nationalIds)],
    );
    return rows.map(toDrivingLicence);
  }
}
