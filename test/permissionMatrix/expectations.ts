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
export const PUBLIC = [
  'Company.registryCode',
  'Company.name',
  'Company.status',
  'Company.founded',
  'Company.legalForm',
  'Company.city',
  'Company.boardMembers',
  'Company.boardSeats',
  'BoardSeat.person',
  'BoardSeat.name',
  'BoardSeat.role',
  'BoardSeat.since',
];

export const PERSONAS: PersonaCase[] = [
  { persona: 'public', full: PUBLIC },
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
    persona: 'statistician',
    purpose: 'official-statistics',
    full: PUBLIC,
    masked: [
      'Person.dateOfBirth',
      'Person.address',
      'Address.municipality',
      'Person.incomeAssessments',
      'IncomeAssessment.year',
      'IncomeAssessment.incomeBand',
    ],
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
  { persona: 'auditor', purpose: 'oversight', full: PUBLIC },
  // The data-controller role itself releases nothing: without a purpose, only public data.
  { persona: 'health-controller', full: PUBLIC },
];

/** Masked values of the showcase person where a mask changes the value. */
export const MASKED_VALUES: Record<string, unknown> = {
  'Person.dateOfBirth': '1985',
};

export function expectedFor(persona: PersonaCase, field: string): Expected {
  if (persona.masked?.includes(field)) return 'masked';
  return persona.full.includes(field) ? 'full' : 'denied';
}
