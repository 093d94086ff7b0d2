import type { Db } from '../../../platform/db/createDb';
import type { TaxDebt } from './taxDebt.type';
import type { TaxParty } from './taxParty';

interface TaxDebtRow {
  party_kind: 'person' | 'company';
  party_id: string;
  amount: number;
  overdue_since: string;
}

const TAX_DEBT = 'tax.tax_debt';

function toTaxDebt(row: TaxDebtRow): TaxDebt {
  return {
    party: { kind: row.party_kind, id: row.party_id },
    amount: row.amount,
    overdueSince: row.overdue_since,
  };
}

/** The only place the tax debt table is read. */
export class TaxDebtRepository {
  constructor(private readonly db: Db) {}

  /** The debts of the given parties; a party that owes nothing has no row. */
  async findByParties(parties: readonly TaxParty[]): Promise<TaxDebt[]> {
    // Two parallel arrays unnested into (kind, id) pairs match the composite primary key.
    const rows = await this.db<TaxDebtRow>(TAX_DEBT).whereRaw(
      '(party_kind, party_id) in (select * from unnest(?::text[], ?::text[]))',
      [parties.map((party) => party.kind), parties.map((party) => party.id)],
    );
    return rows.map(toTaxDebt);
  }
}
