import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/**
 * The Business Register's statistical variables: who sits on a company board, and the status
 * of the company whose board they joined most recently.
 */
export const businessStatisticsSource: StatisticsSource = {
  agency: 'business',
  relationSql: `
    select m.national_id,
           true as board_members,
           (array_agg(c.status order by m.since desc, c.registry_code))[1] as company_status
      from business.board_member m
      join business.company c on c.registry_code = m.registry_code
     group by m.national_id`,
};
