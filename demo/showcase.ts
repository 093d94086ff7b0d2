import { nationalIdFor } from '../platform/identity/nationalId';
import { type Adult, registrationNumber } from './personRecords';
import type { CountryRows } from './rows';

/**
 * The showcase person of the demo country: Mari Tamm, who has a record in every agency.
 * The README's examples and the tests use her and her household.
 */
export const SHOWCASE = {
  nationalId: nationalIdFor('1985-07-12', 'F', 0),
  partnerId: nationalIdFor('1983-03-04', 'M', 0),
  childIds: [nationalIdFor('2012-05-20', 'F', 0), nationalIdFor('2016-09-02', 'M', 0)],
  companyRegistryCode: '10000000',
  vehicleRegistration: registrationNumber(0),
} as const;

export const SHOWCASE_HOUSEHOLD_SIZE = 4;
/** Vehicle serials taken by the showcase household. */
export const SHOWCASE_VEHICLES = 2;

/** Writes the showcase household and every record its members hold in the six agencies. */
export function addShowcaseHousehold(
  rows: CountryRows,
  serials: Map<string, number>,
  adults: Adult[],
): void {
  rows['population.address'].push({
    id: 1,
    street: 'Tamme tn 12',
    postal_code: '50410',
    city: 'Tartu',
    municipality: 'Tartu',
  });
  rows['population.household'].push({ id: 1, address_id: 1 });
  const members = [
    {
      national_id: SHOWCASE.nationalId,
      given_name: 'Mari',
      date_of_birth: '1985-07-12',
      sex: 'F' as const,
    },
    {
      national_id: SHOWCASE.partnerId,
      given_name: 'Jaan',
      date_of_birth: '1983-03-04',
      sex: 'M' as const,
    },
    {
      national_id: SHOWCASE.childIds[0],
      given_name: 'Liisa',
      date_of_birth: '2012-05-20',
      sex: 'F' as const,
    },
    {
      national_id: SHOWCASE.childIds[1],
      given_name: 'Mihkel',
      date_of_birth: '2016-09-02',
      sex: 'M' as const,
    },
  ];
  for (const member of members) {
    serials.set(member.date_of_birth, 1);
    rows['population.person'].push({
      ...member,
      family_name: 'Tamm',
      household_id: 1,
      address_id: 1,
    });
  }
  for (const [parent, name] of [
    [SHOWCASE.nationalId, 'Mari Tamm'],
    [SHOWCASE.partnerId, 'Jaan Tamm'],
  ] as const) {
    adults.push({ nationalId: parent, name });
    for (const child of SHOWCASE.childIds)
      rows['population.parent_child'].push({ parent_id: parent, child_id: child });
  }

  const mari = SHOWCASE.nationalId;
  [2021, 2022, 2023, 2024, 2025].forEach((year, i) => {
    const taxable = 38_400 + i * 1_900;
    rows['tax.income_assessment'].push({
      national_id: mari,
      year,
      taxable_income: taxable,
      tax_paid: Math.round((taxable - 7_848) * 0.2),
    });
    rows['tax.income_assessment'].push({
      national_id: SHOWCASE.partnerId,
      year,
      taxable_income: 29_100 + i * 1_200,
      tax_paid: Math.round((29_100 + i * 1_200 - 7_848) * 0.2),
    });
  });
  rows['social.benefit_claim'].push({
    national_id: mari,
    benefit: 'child-allowance',
    status: 'approved',
    monthly_amount: 160,
    since: '2016-09-02',
    until: null,
  });
  rows['health.vaccination'].push(
    { national_id: mari, vaccine: 'Influenza', administered_on: '2025-10-14', dose: 1 },
    { national_id: mari, vaccine: 'COVID-19', administered_on: '2023-10-02', dose: 3 },
    { national_id: SHOWCASE.childIds[1], vaccine: 'MMR', administered_on: '2017-09-05', dose: 1 },
  );
  rows['health.gp_registration'].push({
    national_id: mari,
    practice: 'Annelinna Perearstid',
    physician: 'Dr. Kadri Lepik',
    since: '2015-02-01',
  });
  rows['transport.vehicle'].push(
    {
      registration_number: SHOWCASE.vehicleRegistration,
      owner_id: mari,
      make: 'Toyota',
      model: 'RAV4',
      fuel: 'hybrid',
      colour: 'grey',
      first_registered: '2019-04-16',
    },
    {
      registration_number: registrationNumber(1),
      owner_id: SHOWCASE.partnerId,
      make: 'Škoda',
      model: 'Octavia',
      fuel: 'diesel',
      colour: 'blue',
      first_registered: '2015-06-01',
    },
  );
  rows['transport.driving_licence'].push({
    national_id: mari,
    licence_number: 'EE850712001',
    categories: 'B',
    issued_on: '2018-08-20',
    valid_until: '2028-08-20',
  });
  rows['business.company'].push({
    registry_code: SHOWCASE.companyRegistryCode,
    name: 'Tamm Tarkvara OÜ',
    legal_form: 'OÜ',
    status: 'active',
    founded: '2014-03-10',
    city: 'Tartu',
  });
  rows['business.board_member'].push({
    registry_code: SHOWCASE.companyRegistryCode,
    national_id: mari,
    name: 'Mari Tamm',
    role: 'chair',
    since: '2014-03-10',
  });
}
