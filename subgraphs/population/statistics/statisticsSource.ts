import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/**
 * The population register's statistical variables: every living person (PEOPLE), with the
 * municipality of their address, sex, birth year and the age band of the age they reach this
 * calendar year (so that age bands group whole birth years).
 */
export const populationStatisticsSource: StatisticsSource = {
  agency: 'population',
  relationSql: `
    select p.national_id,
           true as people,
           a.municipality as municipality,
           case
             when y.age < 18 then '0-17'
             when y.age < 30 then '18-29'
             when y.age < 45 then '30-44'
             when y.age < 65 then '45-64'
             else '65+'
           end as age_band,
           p.sex::text as sex,
           y.born::text as birth_year
      from population.person p
      left join population.address a on a.id = p.address_id
      cross join lateral (
        select extract(year from p.date_of_birth)::int as born,
               extract(year from current_date)::int - extract(year from p.date_of_birth)::int as age
      ) y
     where p.date_of_death is null`,
};
