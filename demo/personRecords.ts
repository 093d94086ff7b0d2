import { addDays, ageOn, REFERENCE_DATE } from './dates';
import type { Random } from './random';
import type { CountryRows } from './rows';
import {
  COLOURS,
  FUELS,
  GP_PRACTICES,
  VACCINES,
  VEHICLE_MODELS,
  FAMILY_NAMES,
  MALE_NAMES,
  FEMALE_NAMES,
} from './vocabulary';

export interface GeneratedPerson {
  nationalId: string;
  dateOfBirth: string;
  sex: 'F' | 'M';
  name: string;
}

/** An adult who may sit on a company board, with the name the business register files. */
export interface Adult {
  nationalId: string;
  name: string;
}

const INCOME_YEARS = [2021, 2022, 2023, 2024, 2025];
const GIVEN_NAMES = [...FEMALE_NAMES, ...MALE_NAMES];

/** Counters that keep registration and licence numbers unique across the whole country. */
export interface Serials {
  vehicle: () => number;
  licence: () => number;
}

/** Adds the records the tax, health and transport agencies hold about one person. */
export function addAgencyRecords(
  rows: CountryRows,
  person: GeneratedPerson,
  rng: Random,
  serials: Serials,
): void {
  const age = ageOn(person.dateOfBirth, REFERENCE_DATE);
  if (age >= 18) {
    addIncome(rows, person, rng, age);
    if (rng.chance(0.03)) {
      rows['tax.tax_debt'].push({
        party_kind: 'person',
        party_id: person.nationalId,
        amount: rng.int(50, 9000),
        overdue_since: addDays(REFERENCE_DATE, -rng.int(30, 900)),
      });
    }
    if (rng.chance(0.7)) addLicence(rows, person, rng, age, serials.licence());
    const vehicles = rng.chance(0.5) ? (rng.chance(0.2) ? 2 : 1) : 0;
    for (let i = 0; i < vehicles; i++) addVehicle(rows, person.nationalId, rng, serials.vehicle());
  }
  if (rng.chance(0.95)) {
    rows['health.gp_registration'].push({
      national_id: person.nationalId,
      practice: rng.pick(GP_PRACTICES),
      physician: `Dr. ${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`,
      since: addDays(REFERENCE_DATE, -rng.int(30, 5000)),
    });
  }
  const vaccinations = rng.int(0, 4);
  for (let dose = 1; dose <= vaccinations; dose++) {
    rows['health.vaccination'].push({
      national_id: person.nationalId,
      vaccine: rng.pick(VACCINES),
      administered_on: addDays(REFERENCE_DATE, -rng.int(1, Math.max(2, age * 365))),
      dose: 1,
    });
  }
}

function addIncome(rows: CountryRows, person: GeneratedPerson, rng: Random, age: number): void {
  const employed = age < 65 ? rng.chance(0.85) : rng.chance(0.15);
  const base = employed ? rng.int(9_000, 60_000) : rng.int(0, 8_000);
  for (const year of INCOME_YEARS) {
    if (ageOn(person.dateOfBirth, `${year}-12-31`) < 18) continue;
    const taxable = Math.round(base * (1 + (year - 2021) * 0.04 + (rng.next() - 0.5) * 0.1));
    rows['tax.income_assessment'].push({
      national_id: person.nationalId,
      year,
      taxable_income: taxable,
      tax_paid: Math.round(Math.max(0, taxable - 7_848) * 0.2),
    });
  }
}

function addLicence(
  rows: CountryRows,
  person: GeneratedPerson,
  rng: Random,
  age: number,
  serial: number,
): void {
  const issued = addDays(REFERENCE_DATE, -rng.int(30, Math.max(31, (age - 18) * 365)));
  rows['transport.driving_licence'].push({
    national_id: person.nationalId,
    licence_number: `EE${String(serial).padStart(8, '0')}`,
    categories: rng.chance(0.1) ? 'B,C' : rng.chance(0.1) ? 'A,B' : 'B',
    issued_on: issued,
    valid_until: addDays(issued, 365 * 10),
  });
}

/** Registration numbers of the form 123ABC, unique per serial. */
export function registrationNumber(serial: number): string {
  const letters = Math.floor(serial / 1000);
  const letter = (n: number) => String.fromCharCode(65 + (Math.floor(n) % 26));
  return `${String(serial % 1000).padStart(3, '0')}${letter(letters / 676)}${letter(letters / 26)}${letter(letters)}`;
}

export function addVehicle(rows: CountryRows, ownerId: string, rng: Random, serial: number): void {
  const { make, models } = rng.pick(VEHICLE_MODELS);
  rows['transport.vehicle'].push({
    registration_number: registrationNumber(serial),
    owner_id: ownerId,
    make,
    model: rng.pick(models),
    fuel: rng.pick(FUELS),
    colour: rng.pick(COLOURS),
    first_registered: addDays(REFERENCE_DATE, -rng.int(30, 7000)),
  });
}
