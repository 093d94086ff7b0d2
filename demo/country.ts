import { nationalIdFor } from '../platform/identity/nationalId';
import { addDays, ageOn, birthDateForAge, REFERENCE_DATE } from './dates';
import { type Adult, addAgencyRecords, type GeneratedPerson, type Serials } from './personRecords';
import { Random } from './random';
import { type CountryRows, emptyRows } from './rows';
import { addShowcaseHousehold, SHOWCASE_HOUSEHOLD_SIZE, SHOWCASE_VEHICLES } from './showcase';
import {
  COMPANY_TRADES,
  COMPANY_WORDS,
  FAMILY_NAMES,
  FEMALE_NAMES,
  LEGAL_FORMS,
  MALE_NAMES,
  SETTLEMENTS,
  STREETS,
  STREET_KINDS,
} from './vocabulary';

export interface CountryOptions {
  /** Same seed, same country. */
  seed: string;
  /** How many people live in the country (at least the showcase household). */
  people: number;
  /** People per yielded batch; bounds memory for a million people. */
  batchSize?: number;
}

export interface CountryBatch {
  rows: CountryRows;
  /** People generated so far, this batch included. */
  peopleSoFar: number;
}

const SETTLEMENT_WHEEL = SETTLEMENTS.flatMap((s) => Array<typeof s>(s.weight).fill(s));

/**
 * Generates the synthetic demo country household by household, in batches, deterministically
 * from the seed: addresses and families first, then what every agency holds about them,
 * and last the companies whose board members are adults of the register.
 */
export function* generateCountry(options: CountryOptions): Generator<CountryBatch> {
  const rng = new Random(options.seed);
  const batchSize = options.batchSize ?? 5_000;
  const serialsByBirthDate = new Map<string, number>();
  const adults: Adult[] = [];
  let vehicleSerial = SHOWCASE_VEHICLES;
  let licenceSerial = 1;
  const serials = { vehicle: () => vehicleSerial++, licence: () => licenceSerial++ };

  let rows = emptyRows();
  addShowcaseHousehold(rows, serialsByBirthDate, adults);
  let people = SHOWCASE_HOUSEHOLD_SIZE;
  let inBatch = people;
  let householdId = 1;

  while (people < options.people) {
    householdId += 1;
    const size = addHousehold(
      rows,
      rng,
      householdId,
      options.people - people,
      serialsByBirthDate,
      adults,
      serials,
    );
    people += size;
    inBatch += size;
    if (inBatch >= batchSize) {
      yield { rows, peopleSoFar: people };
      rows = emptyRows();
      inBatch = 0;
    }
  }
  addCompanies(rows, rng, adults, Math.max(5, Math.floor(people / 25)));
  yield { rows, peopleSoFar: people };
}

function addHousehold(
  rows: CountryRows,
  rng: Random,
  householdId: number,
  room: number,
  birthSerials: Map<string, number>,
  adults: Adult[],
  serials: Serials,
): number {
  const settlement = rng.pick(SETTLEMENT_WHEEL);
  rows['population.address'].push({
    id: householdId,
    street: `${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)} ${rng.int(1, 120)}`,
    postal_code: `${settlement.postalPrefix}${String(rng.int(0, 10 ** (5 - settlement.postalPrefix.length) - 1)).padStart(5 - settlement.postalPrefix.length, '0')}`,
    city: settlement.city,
    municipality: settlement.municipality,
  });
  rows['population.household'].push({ id: householdId, address_id: householdId });

  const shape = rng.next();
  const adultCount = shape < 0.3 ? 1 : 2;
  const childCount = Math.min(
    room - adultCount,
    shape < 0.25 || shape > 0.9 ? 0 : shape < 0.35 ? rng.int(1, 2) : rng.int(0, 3),
  );
  const familyName = rng.pick(FAMILY_NAMES);
  const elderly = shape > 0.9;
  const firstAdultAge = elderly ? rng.int(65, 90) : rng.int(childCount > 0 ? 24 : 19, 64);

  const members: GeneratedPerson[] = [];
  const sexes: ('F' | 'M')[] = adultCount === 2 ? ['F', 'M'] : [rng.chance(0.5) ? 'F' : 'M'];
  for (const [index, sex] of sexes.slice(0, Math.max(1, Math.min(adultCount, room))).entries()) {
    const age = Math.max(19, firstAdultAge + (index === 0 ? 0 : rng.int(-4, 4)));
    members.push(addPerson(rows, rng, birthSerials, householdId, familyName, sex, age));
  }
  for (const parent of members) adults.push({ nationalId: parent.nationalId, name: parent.name });
  const youngestParentAge = Math.min(...members.map((m) => ageOn(m.dateOfBirth, REFERENCE_DATE)));
  const children: GeneratedPerson[] = [];
  for (let i = 0; i < childCount; i++) {
    const age = rng.int(0, Math.min(17, youngestParentAge - 19));
    const child = addPerson(
      rows,
      rng,
      birthSerials,
      householdId,
      familyName,
      rng.chance(0.5) ? 'F' : 'M',
      age,
    );
    children.push(child);
    for (const parent of members)
      rows['population.parent_child'].push({
        parent_id: parent.nationalId,
        child_id: child.nationalId,
      });
  }
  for (const person of [...members, ...children]) addAgencyRecords(rows, person, rng, serials);
  addBenefitClaims(rows, rng, members, children);
  return members.length + children.length;
}

function addPerson(
  rows: CountryRows,
  rng: Random,
  serials: Map<string, number>,
  householdId: number,
  familyName: string,
  sex: 'F' | 'M',
  age: number,
): GeneratedPerson {
  const dateOfBirth = birthDateForAge(age, rng.int(0, 364));
  const serial = serials.get(dateOfBirth) ?? 0;
  serials.set(dateOfBirth, serial + 1);
  const nationalId = nationalIdFor(dateOfBirth, sex, serial);
  const givenName = rng.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES);
  rows['population.person'].push({
    national_id: nationalId,
    given_name: givenName,
    family_name: familyName,
    date_of_birth: dateOfBirth,
    sex,
    household_id: householdId,
    address_id: householdId,
  });
  return { nationalId, dateOfBirth, sex, name: `${givenName} ${familyName}` };
}

function addBenefitClaims(
  rows: CountryRows,
  rng: Random,
  adults: GeneratedPerson[],
  children: GeneratedPerson[],
): void {
  const claim = (
    person: GeneratedPerson,
    benefit: string,
    amount: number,
    since: string,
    status = 'approved',
  ) =>
    rows['social.benefit_claim'].push({
      national_id: person.nationalId,
      benefit,
      status,
      monthly_amount: amount,
      since,
      until: null,
    });
  const parent = adults[0];
  if (parent && children.length > 0) {
    const youngest = children.reduce((a, b) => (a.dateOfBirth > b.dateOfBirth ? a : b));
    claim(parent, 'child-allowance', 80 * children.length, youngest.dateOfBirth);
    if (ageOn(youngest.dateOfBirth, REFERENCE_DATE) < 2)
      claim(parent, 'parental-benefit', rng.int(900, 3000), youngest.dateOfBirth);
  }
  for (const adult of adults) {
    const age = ageOn(adult.dateOfBirth, REFERENCE_DATE);
    if (age >= 65)
      claim(
        adult,
        'old-age-pension',
        rng.int(650, 1100),
        addDays(adult.dateOfBirth, 65 * 365 + 16),
      );
    else if (rng.chance(0.05))
      claim(
        adult,
        'unemployment-benefit',
        rng.int(300, 1200),
        addDays(REFERENCE_DATE, -rng.int(10, 300)),
        rng.pick(['approved', 'pending', 'rejected']),
      );
    if (rng.chance(0.02))
      claim(
        adult,
        'disability-allowance',
        rng.int(50, 400),
        addDays(REFERENCE_DATE, -rng.int(100, 3000)),
      );
  }
}

function addCompanies(rows: CountryRows, rng: Random, adults: Adult[], count: number): void {
  for (let i = 1; i <= count; i++) {
    const registryCode = String(10_000_000 + i * 17);
    const legalForm = rng.pick(LEGAL_FORMS);
    const founded = addDays(REFERENCE_DATE, -rng.int(60, 12_000));
    const status = rng.chance(0.9) ? 'active' : rng.pick(['in-liquidation', 'deleted']);
    rows['business.company'].push({
      registry_code: registryCode,
      name: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_TRADES)} ${legalForm}`,
      legal_form: legalForm,
      status,
      founded,
      city: rng.pick(SETTLEMENT_WHEEL).city,
    });
    const seats = new Map<string, string>();
    const boardSize = rng.int(1, 3);
    while (seats.size < Math.min(boardSize, adults.length)) {
      const adult = rng.pick(adults);
      seats.set(adult.nationalId, adult.name);
    }
    [...seats].forEach(([nationalId, name], index) =>
      rows['business.board_member'].push({
        registry_code: registryCode,
        national_id: nationalId,
        name,
        role: index === 0 ? 'chair' : 'member',
        since: addDays(founded, rng.int(0, 365)),
      }),
    );
    if (rng.chance(0.05)) {
      rows['tax.tax_debt'].push({
        party_kind: 'company',
        party_id: registryCode,
        amount: rng.int(100, 50_000),
        overdue_since: addDays(REFERENCE_DATE, -rng.int(30, 700)),
      });
    }
  }
}
