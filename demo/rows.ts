/** The rows the demo country generator produces, one shape per table it fills. */
export interface CountryRows {
  'population.address': {
    id: number;
    street: string;
    postal_code: string;
    city: string;
    municipality: string;
  }[];
  'population.household': { id: number; address_id: number }[];
  'population.person': {
    national_id: string;
    given_name: string;
    family_name: string;
    date_of_birth: string;
    sex: 'F' | 'M';
    household_id: number;
    address_id: number;
  }[];
  'population.parent_child': { parent_id: string; child_id: string }[];
  'tax.income_assessment': {
    national_id: string;
    year: number;
    taxable_income: number;
    tax_paid: number;
  }[];
  'tax.tax_debt': {
    party_kind: 'person' | 'company';
    party_id: string;
    amount: number;
    overdue_since: string;
  }[];
  'social.benefit_claim': {
    national_id: string;
    benefit: string;
    status: string;
    monthly_amount: number;
    since: string;
    until: string | null;
  }[];
  'health.vaccination': {
    national_id: string;
    vaccine: string;
    administered_on: string;
    dose: number;
  }[];
  'health.gp_registration': {
    national_id: string;
    practice: string;
    physician: string;
    since: string;
  }[];
  'transport.vehicle': {
    registration_number: string;
    owner_id: string;
    make: string;
    model: string;
    fuel: string;
    colour: string;
    first_registered: string;
  }[];
  'transport.driving_licence': {
    national_id: string;
    licence_number: string;
    categories: string;
    issued_on: string;
    valid_until: string;
  }[];
  'business.company': {
    registry_code: string;
    name: string;
    legal_form: string;
    status: string;
    founded: string;
    city: string;
  }[];
  'business.board_member': {
    registry_code: string;
    national_id: string;
    name: string;
    role: string;
    since: string;
  }[];
}

export type TableName = keyof CountryRows;

/** Tables in the order they are filled. */
export const TABLES: TableName[] = [
  'population.address',
  'population.household',
  'population.person',
  'population.parent_child',
  'tax.income_assessment',
  'tax.tax_debt',
  'social.benefit_claim',
  'health.vaccination',
  'health.gp_registration',
  'transport.vehicle',
  'transport.driving_licence',
  'business.company',
  'business.board_member',
];

export function emptyRows(): CountryRows {
  return Object.fromEntries(TABLES.map((table) => [table, []])) as unknown as CountryRows;
}
