import type { Db } from '../../platform/db/createDb';
import type { WorkloadName } from './benchArgs';

const INCOME = `coalesce((select json_agg(json_build_object('year', i.year, 'taxableIncome', i.taxable_income)
    order by i.year desc) from tax.income_assessment i where i.national_id = p.national_id), '[]')`;
const ADDRESS = `(select json_build_object('city', a.city) from population.address a where a.id = p.address_id)`;
const CLAIMS = `coalesce((select json_agg(json_build_object('monthlyAmount', b.monthly_amount, 'since', b.since)
    order by b.since desc, b.id desc) from social.benefit_claim b where b.national_id = p.national_id), '[]')`;
const HOUSEHOLD = `(select json_build_object('members', coalesce((
      select json_agg(json_build_object('givenName', m.given_name) order by m.date_of_birth)
      from population.person m where m.household_id = p.household_id), '[]'))
    where p.household_id is not null)`;

const PAGE = (
  size: number,
) => `select json_build_object('people', json_build_object('nodes', coalesce(json_agg(
    json_build_object('givenName', p.given_name, 'household', ${HOUSEHOLD},
      'incomeAssessments', ${INCOME}) order by p.list_key), '[]'))) as data
  from (select * from population.person where list_key > ? order by list_key limit ${size}) p`;

const AGE = `extract(year from current_date)::int - extract(year from p.date_of_birth)::int`;
const AGGREGATE_UNITS = `select coalesce(a.municipality, 'NONE') as municipality,
    case when ${AGE} < 18 then '0-17' when ${AGE} < 30 then '18-29' when ${AGE} < 45 then '30-44'
      when ${AGE} < 65 then '45-64' else '65+' end as band
  from population.person p left join population.address a on a.id = p.address_id
  where p.date_of_death is null`;

/**
 * The floor: each workload's answer, in the graph's shape, from one hand-written SQL
 * statement with its subject as the only parameter. What a service with no gateway, no
 * federation and no governance would cost.
 */
export const FLOOR_SQL: Readonly<Record<WorkloadName, string>> = {
  'person-3': `select json_build_object('person', json_build_object('givenName', p.given_name,
      'familyName', p.family_name, 'address', ${ADDRESS}, 'incomeAssessments', ${INCOME},
      'benefitClaims', ${CLAIMS})) as data
    from population.person p where p.national_id = ?`,
  'profile-6': `select json_build_object('person', json_build_object('givenName', p.given_name,
      'familyName', p.family_name, 'dateOfBirth', p.date_of_birth, 'address', ${ADDRESS},
      'incomeAssessments', ${INCOME}, 'benefitClaims', ${CLAIMS},
      'vaccinations', coalesce((select json_agg(json_build_object('vaccine', v.vaccine, 'date', v.administered_on)
        order by v.administered_on desc, v.id desc) from health.vaccination v where v.national_id = p.national_id), '[]'),
      'vehicles', coalesce((select json_agg(json_build_object('make', t.make, 'model', t.model)
        order by t.registration_number) from transport.vehicle t where t.owner_id = p.national_id), '[]'),
      'boardMemberships', coalesce((select json_agg(json_build_object('name', c.name, 'founded', c.founded)
        order by c.registry_code)
        from business.board_member s join business.company c on c.registry_code = s.registry_code
        where s.national_id = p.national_id), '[]'))) as data
    from population.person p where p.national_id = ?`,
  'page-20': PAGE(20),
  'page-100': PAGE(100),
  'company-board': `select json_build_object('company', json_build_object('name', c.name, 'founded', c.founded,
      'legalForm', c.legal_form, 'boardSeats', coalesce((select json_agg(json_build_object('name', b.name, 'since', b.since)
        order by b.role = 'chair' desc, b.since, b.national_id) from business.board_member b
        where b.registry_code = c.registry_code), '[]'))) as data
    from business.company c where c.registry_code = ?`,
  // The same margins as the graph releases (none of them is small on the demo country), in
  // its order: municipalities, age bands, the grand total; or the recipients' total.
  aggregate: `select case when ? = 'single' then (
      select json_build_object('statistics', json_build_object('margins', json_agg(m.margin order by m.rank, m.position)))
        from (
          select 0 as rank, (row_number() over (order by t.municipality = 'NONE', t.municipality collate "C"))::int as position,
                 json_build_object('dimension', 'MUNICIPALITY', 'category', t.municipality, 'value', count(*)) as margin
            from (${AGGREGATE_UNITS}) t group by t.municipality
          union all
          select 1, array_position(array['0-17', '18-29', '30-44', '45-64', '65+'], t.band),
                 json_build_object('dimension', 'AGE_BAND', 'category', t.band, 'value', count(*))
            from (${AGGREGATE_UNITS}) t group by t.band
          union all
          select 2, 0, json_build_object('dimension', null, 'category', null, 'value', count(*))
            from (${AGGREGATE_UNITS}) t
        ) m)
    else (
      select json_build_object('statistics', json_build_object('margins',
               json_build_array(json_build_object('value', count(*)))))
        from (select distinct c.national_id from social.benefit_claim c
               where c.benefit = 'child-allowance' and c.status = 'approved' and c.since <= current_date
                 and (c.until is null or c.until >= current_date)) r
        left join tax.income_assessment i on i.national_id = r.national_id
         and i.year = (select max(year) from tax.income_assessment))
    end as data`,
  public: `select json_build_object('company', json_build_object('name', c.name, 'founded', c.founded,
      'legalForm', c.legal_form, 'city', c.city)) as data
    from business.company c where c.registry_code = ?`,
};

/** One workload's answer for one subject, as `{ data }` like a GraphQL response. */
export async function floorAnswer(
  db: Db,
  workload: WorkloadName,
  subject: string,
): Promise<{ data: unknown }> {
  const result = (await db.raw(FLOOR_SQL[workload], [subject])) as {
    rows: { data: unknown }[];
  };
  return { data: result.rows[0]?.data ?? null };
}
