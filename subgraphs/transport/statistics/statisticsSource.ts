import type { StatisticsSource } from '../../../platform/statistics/StatisticsSource';

/**
 * The Transport Authority's statistical variables: who owns a vehicle, how many, and the make
 * and fuel of the one registered most recently.
 */
export const transportStatisticsSource: StatisticsSource = {
  agency: 'transport',
  relationSql: `
    select v.owner_id as national_id,
           true as vehicle_owners,
           (array_agg(v.make order by v.first_registered desc, v.registration_number))[1] as vehicle_make,
           (array_agg(v.fuel order by v.first_registered desc, v.registration_number))[1] as vehicle_fuel,
           count(*)::float8 as vehicles_owned
      from transport.vehicle v
     group by v.owner_id`,
};
