/**
 * The expected decision for every persona and every client-visible field of the demo country,
 * written out by hand from the agreements of the demo government (README, "Who may see what"),
 * not derived from the policy code it checks.
 */
export type Expected = 'full' | 'masked' | 'denied';

export interface PersonaCase {
  persona: string;
  purpose?: string;
  full: string[];
  masked?: string[];
}

const IDENTITY = [
  'Person.nationalId',
  'Person.givenName',
  'Person.familyName',
  'Person.dateOfBirth',
  'Person.sex',
  'Person.dateOfDeath',
  'Person.address',
  'Address.street',
  'Address.postalCode',
  'Address.city',
  'Address.municipality',
];
const HOUSEHOLD = [
  'Person.household',
  'Person.parents',
  'Person.children',
  'Household.id',
  'Household.address',
  'Household.members',
];
const INCOME = [
  'Person.incomeAssessments',
  'IncomeAssessment.year',
  'IncomeAssessment.taxableIncome',
  'IncomeAssessment.taxPaid',
  'IncomeAssessment.incomeBand',
];
const BENEFITS = [
  'Person.benefitClaims',
  'BenefitClaim.benefit',
  'BenefitClaim.status',
  'BenefitClaim.monthlyAmount',
  'BenefitClaim.since',
  'BenefitClaim.until',
];
const HEALTH = [
  'Person.vaccinations',
  'Vaccination.vaccine',
  'Vaccination.date',
  'Vaccination.dose',
  'Person.gp',
  'GpRegistration.practice',
  'GpRegistration.physician',
  'GpRegistration.since',
];
const VEHICLES = [
  'Person.vehicles',
  'Vehicle.registrationNumber',
  'Vehicle.make',
  'Vehicle.model',
  'Vehicle.firstRegistered',
  'Vehicle.fuel',
  'Vehicle.colour',
  'Vehicle.owner',
];
const LICENCE = [
  'Person.drivingLicence',
  'DrivingLicence.licenceNumber',
  'DrivingLicence.categories',
  'DrivingLicence.issuedOn',
  'DrivingLicence.validUntil',
];
/** Open data of the business register: anyone reads it. */
const OPEN_RECORDS = [
  'Company.registryCode',
  'Company.name',
  'Company.status',
  'Company.founded',
  'Company.legalForm',
  'Company.city',
  'Company.boardSeats',
  'BoardSeat.name',
  'BoardSeat.role',
  'BoardSeat.since',
];
/**
 * Links from the open register's named board members to the people themselves: followed only
 * by callers who may identify the people (the showcase person is her company's only member).
 */
const IDENTIFIED_LINKS = ['Company.boardMembers', 'BoardSeat.person'];
export const PUBLIC = [...OPEN_RECORDS, ...IDENTIFIED_LINKS];

export const PERSONAS: PersonaCase[] = [
  { persona: 'public', full: OPEN_RECORDS },
  {
    persona: 'citizen',
    full: [
      ...PUBLIC,
      ...IDENTITY,
      ...HOUSEHOLD,
      ...INCOME,
      'Person.taxDebt',
      ...BENEFITS,
      ...HEALTH,
      ...VEHICLES,
      ...LICENCE,
      'Person.boardMemberships',
    ],
  },
  {
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    full: [...PUBLIC, ...IDENTITY, ...HOUSEHOLD, ...INCOME, ...BENEFITS],
  },
  {
    persona: 'tax-officer',
    purpose: 'tax-assessment',
    full: [
      ...PUBLIC,
      ...IDENTITY,
      ...INCOME,
      'Person.taxDebt',
      'Company.taxDebt',
      ...VEHICLES,
      'Person.boardMemberships',
    ],
  },
  { persona: 'physician', purpose: 'medical-treatment', full: [...PUBLIC, ...IDENTITY, ...HEALTH] },
  {
    // Granted masked data only, so it may identify nobody: it reaches no one by national ID or
    // from a named board seat. Its masked grants are seen through the pseudonymous register
    // list (test/authorization/masking.e2e.test.ts).
    persona: 'statistician',
    purpose: 'official-statistics',
    full: OPEN_RECORDS,
  },
  {
    persona: 'police-officer',
    purpose: 'traffic-control',
    full: [...PUBLIC, ...IDENTITY, ...LICENCE, ...VEHICLES],
  },
  {
    persona: 'bank',
    purpose: 'loan-application',
    // The showcase person has consented to her bank reading her identity and income band.
    full: [
      ...PUBLIC,
      'Person.nationalId',
      'Person.givenName',
      'Person.familyName',
      'Person.dateOfBirth',
      'Person.address',
      'Address.street',
      'Address.postalCode',
      'Address.city',
      'Address.municipality',
      'Person.incomeAssessments',
      'IncomeAssessment.year',
      'IncomeAssessment.incomeBand',
    ],
  },
  { persona: 'auditor', purpose: 'oversight', full: OPEN_RECORDS },
  // The data-controller role itself releases nothing: without a purpose, only open data.
  { persona: 'health-controller', full: OPEN_RECORDS },
];

/** Masked values of the showcase person where a mask changes the value. */
export const MASKED_VALUES: Record<string, unknown> = {
  'Person.dateOfBirth': '1985',
};

export function expectedFor(persona: PersonaCase, field: string): Expected {
  if (persona.masked?.includes(field)) return 'masked';
  return persona.full.includes(field) ? 'full' : 'denied';
}
