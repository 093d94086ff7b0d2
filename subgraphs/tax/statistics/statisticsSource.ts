import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/**
 * The Tax Board's statistical variables, all of the latest assessed year: who was assessed
 * (TAXPAYERS), their taxable income and its band of 10,000 euros, and the tax they paid.
 */
export const taxStatisticsSource: StatisticsSource = {
  agency: 'tax',
  relationSql: `
    select i.national_id,
           true as taxpayers,
           case
             when i.taxable_income >= 100000 then '100000+'
             else (floor(greatest(i.taxable_income, 0) / 10000) * 10000)::int::text || '-' ||
                  (floor(greatest(i.taxable_income, 0) / 10000) * 10000 + 9999)::int::text
           end as income_band,
           i.taxable_income::float8 as income,
           i.tax_paid::float8 as tax_paid
      from tax.income_assessment i
     where i.year = (select max(year) from tax.income_assessment)`,
};
