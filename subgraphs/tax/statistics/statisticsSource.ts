import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/** Bands of 10,000 euros, `0-9999` to `90000-99999`, then `100000+`: picked by index, not built per row. */
const INCOME_BAND_LABELS = `array[${[
  ...Array.from({ length: 10 }, (_, band) => `'${band * 10000}-${band * 10000 + 9999}'`),
  "'100000+'",
].join(', ')}]`;

/**
 * The Tax Board's statistical variables, all of the latest assessed year: who was assessed
 * (TAXPAYERS), their taxable income and its band of 10,000 euros, and the tax they paid.
 */
export const taxStatisticsSource: StatisticsSource = {
  agency: 'tax',
  relationSql: `
    select i.national_id,
           true as taxpayers,
           (${INCOME_BAND_LABELS})[least(trunc(greatest(i.taxable_income, 0))::bigint / 10000, 10) + 1] as income_band,
           i.taxable_income::float8 as income,
           i.tax_paid::float8 as tax_paid
      from tax.income_assessment i
     where i.year = (select max(year) from tax.income_assessment)`,
};
