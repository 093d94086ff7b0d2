import type { Db } from '../../platform/db/createDb';

/**
 * The true counts of the demo country, read straight from every agency's schema (as only a
 * test may): what a statistical table must release before disclosure control.
 */
export async function trueCounts(db: Db, sql: string): Promise<Map<string, number>> {
  const { rows } = await db.raw<{ rows: { key: string[]; n: string | number }[] }>(sql);
  return new Map(rows.map((row) => [JSON.stringify(row.key), Number(row.n)]));
}

const AGE = `extract(year from current_date)::int - extract(year from p.date_of_birth)::int`;

/** The age band of `p` (population.person), as the register defines it. */
export const AGE_BAND_SQL = `case when ${AGE} < 18 then '0-17' when ${AGE} < 30 then '18-29'
  when ${AGE} < 45 then '30-44' when ${AGE} < 65 then '45-64' else '65+' end`;

/** Living people joined to their address: `p`, `a`. */
export const LIVING = `population.person p left join population.address a on a.id = p.address_id`;

/** Claims in force today of a benefit. */
export const claimants = (benefit: string | null) => `(select distinct national_id
  from social.benefit_claim where status = 'approved' and since <= current_date
  and (until is null or until >= current_date) ${benefit ? `and benefit = '${benefit}'` : ''})`;

export const INCOME_BAND_SQL = `case when i.taxable_income is null then 'NONE'
  when i.taxable_income >= 100000 then '100000+'
  else (floor(i.taxable_income / 10000) * 10000)::int || '-' || (floor(i.taxable_income / 10000) * 10000 + 9999)::int end`;

export const LATEST_ASSESSMENT = `(select national_id, taxable_income from tax.income_assessment
  where year = (select max(year) from tax.income_assessment))`;
