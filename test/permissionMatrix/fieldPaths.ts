import { SHOWCASE } from '../../demo/showcase';

/**
 * How the permission matrix reaches every client-visible field of the demo country: a root
 * selection that leads to a record of the field's type about the showcase person (or her
 * company and car), so that every field is observed through the gateway as a client would.
 */
const ROOTS: Record<string, { open: string; close: string; path: string[] }> = {
  Person: { open: `person(nationalId: "${SHOWCASE.nationalId}") {`, close: '}', path: ['person'] },
  Address: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { address {`,
    close: '} }',
    path: ['person', 'address'],
  },
  Household: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { household {`,
    close: '} }',
    path: ['person', 'household'],
  },
  IncomeAssessment: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { incomeAssessments(year: 2021) {`,
    close: '} }',
    path: ['person', 'incomeAssessments', '0'],
  },
  BenefitClaim: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { benefitClaims {`,
    close: '} }',
    path: ['person', 'benefitClaims', '0'],
  },
  Vaccination: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { vaccinations {`,
    close: '} }',
    path: ['person', 'vaccinations', '0'],
  },
  GpRegistration: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { gp {`,
    close: '} }',
    path: ['person', 'gp'],
  },
  DrivingLicence: {
    open: `person(nationalId: "${SHOWCASE.nationalId}") { drivingLicence {`,
    close: '} }',
    path: ['person', 'drivingLicence'],
  },
  Vehicle: {
    open: `vehicle(registrationNumber: "${SHOWCASE.vehicleRegistration}") {`,
    close: '}',
    path: ['vehicle'],
  },
  Company: {
    open: `company(registryCode: "${SHOWCASE.companyRegistryCode}") {`,
    close: '}',
    path: ['company'],
  },
  BoardSeat: {
    open: `company(registryCode: "${SHOWCASE.companyRegistryCode}") { boardSeats {`,
    close: '} }',
    path: ['company', 'boardSeats', '0'],
  },
};

/** Fields whose values are records: the matrix selects `__typename` under them. */
const OBJECT_FIELDS = new Set([
  'Person.address',
  'Person.household',
  'Person.parents',
  'Person.children',
  'Person.incomeAssessments',
  'Person.benefitClaims',
  'Person.vaccinations',
  'Person.gp',
  'Person.vehicles',
  'Person.drivingLicence',
  'Person.boardMemberships',
  'Household.address',
  'Household.members',
  'Vehicle.owner',
  'Company.boardMembers',
  'Company.boardSeats',
  'BoardSeat.person',
]);

export interface FieldProbe {
  field: string;
  query: string;
  /** Where the field's value is in `data`. */
  path: string[];
}

export function probeFor(field: string): FieldProbe {
  const [type, name] = field.split('.') as [string, string];
  const root = ROOTS[type];
  if (!root) throw new Error(`the permission matrix has no way to reach ${type}`);
  const selection = OBJECT_FIELDS.has(field) ? `${name} { __typename }` : name;
  return {
    field,
    query: `{ ${root.open} ${selection} ${root.close} }`,
    path: [...root.path, name],
  };
}

export function typesReached(): string[] {
  return Object.keys(ROOTS);
}
