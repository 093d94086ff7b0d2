import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/**
 * The Social Insurance Board's statistical variables, over approved claims in force today:
 * who receives any benefit, who a child allowance, the benefit of their most recently started
 * claim, and the monthly amount of all their claims together.
 */
export const socialStatisticsSource: StatisticsSource = {
  agency: 'social',
  relationSql: `
    select c.national_id,
           true as benefit_recipients,
           bool_or(c.benefit = 'child-allowance') as child_allowance_recipients,
           upper(replace((array_agg(c.benefit order by c.since desc, c.id desc))[1], '-', '_')) as benefit_type,
           sum(c.monthly_amount)::float8 as benefit_amount
      from social.benefit_claim c
     where c.status = 'approved'
       and c.since <= current_date
       and (c.until is null or c.until >= current_date)
     group by c.national_id`,
};
