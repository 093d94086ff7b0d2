import type { Db } from '../../../platform/db/createDb';
import type { Household } from './household.type';

interface HouseholdRow {
  id: number;
  address_id: number;
}

/** The only place the household table is read. */
export class HouseholdRepository {
  constructor(private readonly db: Db) {}

  async findByIds(ids: readonly number[]): Promise<Household[]> {
    const rows = await this.db<HouseholdRow>('population.household').whereRaw('id = any(?)', [
      Array.from(ids),
    ]);
    return rows.map((row) => ({ id: String(row.id), addressId: row.address_id }));
  }
}
