import { ACCESS_RECORD_POLICY } from '../platform/accessLog/accessLogPolicy';
import { searchFieldOf } from '../platform/accessLog/accessLogFields';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import { SHOWCASE } from './showcase';

/** The organisations of the demo government and its partners. */
export const ORGANISATIONS = [
  { code: 'population-register', name: 'Population Register', kind: 'agency' },
  { code: 'tax-board', name: 'Tax and Customs Board', kind: 'agency' },
  { code: 'social-insurance', name: 'Social Insurance Board', kind: 'agency' },
  { code: 'health-board', name: 'Health Board', kind: 'agency' },
  { code: 'transport-authority', name: 'Transport Authority', kind: 'agency' },
  { code: 'business-register', name: 'Business Register', kind: 'agency' },
  { code: 'statistics-office', name: 'Statistics Office', kind: 'public-body' },
  { code: 'police', name: 'Police and Border Guard Board', kind: 'public-body' },
  {
    code: 'data-protection-inspectorate',
    name: 'Data Protection Inspectorate',
    kind: 'public-body',
  },
  {
    code: 'information-system-authority',
    name: 'Information System Authority',
    kind: 'public-body',
  },
  { code: 'demo-bank', name: 'Demo Bank AS', kind: 'private' },
] as const;

/**
 * Which organisation controls each agency's data: its data controller approves every new or
 * widened agreement under which the agency's data is shared. The gateway's role grants
 * (demo/roles.json) let exactly these organisations hold the data-controller role.
 */
export const DATA_CONTROLLERS: Record<AgencyName, string> = {
  population: 'population-register',
  tax: 'tax-board',
  social: 'social-insurance',
  health: 'health-board',
  transport: 'transport-authority',
  business: 'business-register',
  governance: 'information-system-authority',
};

/** Who the seeded agreements record as their proposer, and when they were approved. */
const SEED_PROPOSER = 'information-system-authority/seed';

/** Purposes of use a request may declare in `x-purpose`. */
export const PURPOSES = [
  { code: 'benefit-eligibility', title: 'Deciding eligibility for a social benefit' },
  { code: 'tax-assessment', title: 'Assessing and collecting taxes' },
  { code: 'medical-treatment', title: 'Treating a patient' },
  { code: 'official-statistics', title: 'Producing official statistics (GDPR art. 89)' },
  { code: 'traffic-control', title: 'Checking drivers and vehicles on the road' },
  {
    code: 'loan-application',
    title: "Assessing a customer's loan application, with their consent",
  },
  { code: 'oversight', title: 'Supervising the lawfulness of data processing' },
] as const;

const IDENTITY = [
  'Person.nationalId',
  'Person.givenName',
  'Person.familyName',
  'Person.dateOfBirth',
  'Person.sex',
  'Person.dateOfDeath',
  'Person.address',
  'Address.*',
];
const HOUSEHOLD = ['Person.household', 'Person.parents', 'Person.children', 'Household.*'];
const INCOME = ['Person.incomeAssessments', 'IncomeAssessment.*'];
const VEHICLES = ['Person.vehicles', 'Vehicle.*'];

interface AgreementSeed {
  id: string;
  title: string;
  provider: string;
  consumer: string;
  purposes: string[];
  fields: string[];
  form?: 'full' | 'masked';
  legal_basis: string;
  legal_basis_kind?: 'law' | 'public-task' | 'consent' | 'contract';
  special_category?: boolean;
  reuse_terms: string;
  onward_sharing?: boolean;
  retention_days?: number | null;
  licence?: string | null;
  /** The smallest cell of a statistical table released under it (10 when not given). */
  min_cell_size?: number;
}

/** The short codes in the ids of the supervision agreements; another agency's is its name. */
const SUPERVISION_CODES: Partial<Record<AgencyName, string>> = {
  population: 'POP',
  tax: 'TAX',
  social: 'SOC',
  health: 'HLT',
  transport: 'TRA',
  business: 'BUS',
  governance: 'GOV',
};

/**
 * The Data Protection Inspectorate supervises every agency's access log: each agency lets it
 * search its records (the governance service also lets it run the search).
 */
function supervisionOf(provider: string, code: string, fields: string[] = []): AgreementSeed {
  return {
    id: `DSA-DPI-${code}-01`,
    title: 'Supervision of the access log',
    provider,
    consumer: 'data-protection-inspectorate',
    purposes: ['oversight'],
    // The access log is granted field by field: a wildcard never reaches it.
    fields: [
      ...fields,
      `AccessLogSearch.${searchFieldOf(provider as AgencyName)}`,
      ...Object.keys(ACCESS_RECORD_POLICY.fields).map((field) => `AccessRecord.${field}`),
    ],
    legal_basis: 'Personal Data Protection Act § 56 (supervision)',
    reuse_terms: 'Supervision only; no onward sharing',
    retention_days: 1825,
  };
}

const CASE_FILE_TERMS =
  'No onward sharing. Keep only in the case file; delete when the retention period of the case ends.';

/** The demo country's data-sharing agreements, modelled on statutory data-sharing agreements. */
export const AGREEMENTS: AgreementSeed[] = [
  {
    id: 'DSA-SIB-POP-01',
    title: 'Identity and family of benefit claimants',
    provider: 'population',
    consumer: 'social-insurance',
    purposes: ['benefit-eligibility'],
    fields: [...IDENTITY, ...HOUSEHOLD],
    legal_basis: 'Social Welfare Act § 30; Population Register Act § 47',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 2555,
  },
  {
    id: 'DSA-SIB-TAX-01',
    title: 'Income of benefit claimants',
    provider: 'tax',
    consumer: 'social-insurance',
    purposes: ['benefit-eligibility'],
    fields: INCOME,
    legal_basis: 'Social Welfare Act § 30; Taxation Act § 29',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 2555,
  },
  {
    id: 'DSA-SIB-SOC-01',
    title: "The board's own benefit case files",
    provider: 'social',
    consumer: 'social-insurance',
    purposes: ['benefit-eligibility'],
    fields: ['Person.benefitClaims', 'BenefitClaim.*'],
    legal_basis: 'Social Welfare Act § 30',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 2555,
  },
  {
    id: 'DSA-TAX-POP-01',
    title: 'Identity of taxpayers',
    provider: 'population',
    consumer: 'tax-board',
    purposes: ['tax-assessment'],
    fields: IDENTITY,
    legal_basis: 'Taxation Act § 29; Population Register Act § 47',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 3650,
  },
  {
    id: 'DSA-TAX-TAX-01',
    title: "The board's own tax records",
    provider: 'tax',
    consumer: 'tax-board',
    purposes: ['tax-assessment'],
    fields: [...INCOME, 'Person.taxDebt', 'Company.taxDebt'],
    legal_basis: 'Taxation Act § 29',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 3650,
  },
  {
    id: 'DSA-TAX-TRA-01',
    title: 'Vehicles owned by taxpayers',
    provider: 'transport',
    consumer: 'tax-board',
    purposes: ['tax-assessment'],
    fields: VEHICLES,
    legal_basis: 'Motor Vehicle Tax Act § 9',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 3650,
  },
  {
    id: 'DSA-TAX-BUS-01',
    title: 'Board memberships of taxpayers',
    provider: 'business',
    consumer: 'tax-board',
    purposes: ['tax-assessment'],
    fields: ['Person.boardMemberships'],
    legal_basis: 'Taxation Act § 29; Commercial Code § 28',
    reuse_terms: CASE_FILE_TERMS,
    retention_days: 3650,
  },
  {
    id: 'DSA-HB-POP-01',
    title: 'Identity of patients',
    provider: 'population',
    consumer: 'health-board',
    purposes: ['medical-treatment'],
    fields: IDENTITY,
    legal_basis: 'Health Services Organisation Act § 59; Population Register Act § 47',
    reuse_terms: 'Only within the health information system; no onward sharing.',
    retention_days: 10950,
  },
  {
    id: 'DSA-HB-HLT-01',
    title: 'Vaccinations and family doctor of patients',
    provider: 'health',
    consumer: 'health-board',
    purposes: ['medical-treatment'],
    fields: ['Person.vaccinations', 'Vaccination.*', 'Person.gp', 'GpRegistration.*'],
    legal_basis: 'Health Services Organisation Act § 59 (GDPR art. 9(2)(h))',
    special_category: true,
    reuse_terms: 'Only within the health information system; no onward sharing.',
    retention_days: 10950,
  },
  ...(
    [
      [
        'POP',
        'population',
        'Population statistics',
        ['people', 'municipality', 'ageBand', 'sex', 'birthYear'],
      ],
      ['TAX', 'tax', 'Income statistics', ['taxpayers', 'incomeBand', 'income', 'taxPaid']],
      [
        'SIB',
        'social',
        'Benefit statistics',
        ['benefitRecipients', 'childAllowanceRecipients', 'benefitType', 'benefitAmount'],
      ],
      [
        'TRA',
        'transport',
        'Vehicle statistics',
        ['vehicleOwners', 'vehicleMake', 'vehicleFuel', 'vehiclesOwned'],
      ],
      // Board members may be counted, but the status of their companies is not granted.
      ['BUS', 'business', 'Board member statistics', ['boardMembers']],
    ] as const
  ).map(([code, provider, title, variables]) => ({
    id: `DSA-STAT-${code}-01`,
    title: `${title}: aggregates for official statistics`,
    provider,
    consumer: 'statistics-office',
    purposes: ['official-statistics'],
    fields: variables.map((variable) => `Statistics.${variable}`),
    legal_basis: 'Official Statistics Act § 32 (GDPR art. 89)',
    reuse_terms:
      'Aggregates only, as released with disclosure control; publish them as released; never try to re-identify anyone.',
    retention_days: null,
    licence: null,
    min_cell_size: 10,
  })),
  {
    id: 'DSA-POL-POP-01',
    title: 'Identity of drivers in traffic checks',
    provider: 'population',
    consumer: 'police',
    purposes: ['traffic-control'],
    fields: IDENTITY,
    legal_basis: 'Traffic Act § 200; Population Register Act § 47',
    reuse_terms:
      'Only for the check at hand; no onward sharing; delete after 30 days unless a proceeding starts.',
    retention_days: 30,
  },
  {
    id: 'DSA-POL-TRA-01',
    title: 'Driving licences and vehicles in traffic checks',
    provider: 'transport',
    consumer: 'police',
    purposes: ['traffic-control'],
    fields: ['Person.drivingLicence', 'DrivingLicence.*', ...VEHICLES],
    legal_basis: 'Traffic Act § 200',
    reuse_terms:
      'Only for the check at hand; no onward sharing; delete after 30 days unless a proceeding starts.',
    retention_days: 30,
  },
  {
    id: 'DSA-BANK-POP-01',
    title: "A loan applicant's identity, with their consent",
    provider: 'population',
    consumer: 'demo-bank',
    purposes: ['loan-application'],
    fields: [
      'Person.nationalId',
      'Person.givenName',
      'Person.familyName',
      'Person.dateOfBirth',
      'Person.address',
      'Address.*',
    ],
    legal_basis: "The customer's consent (GDPR art. 6(1)(a))",
    legal_basis_kind: 'consent',
    reuse_terms: 'Only for the loan decision; delete 30 days after it unless a contract is signed.',
    retention_days: 30,
  },
  {
    id: 'DSA-BANK-TAX-01',
    title: "A loan applicant's income band, with their consent",
    provider: 'tax',
    consumer: 'demo-bank',
    purposes: ['loan-application'],
    fields: ['Person.incomeAssessments', 'IncomeAssessment.year', 'IncomeAssessment.incomeBand'],
    legal_basis: "The customer's consent (GDPR art. 6(1)(a))",
    legal_basis_kind: 'consent',
    reuse_terms: 'Only for the loan decision; delete 30 days after it unless a contract is signed.',
    retention_days: 30,
  },
  // Every agency in the registry, a new one too: an access log the inspectorate cannot search
  // would be missing from every oversight search.
  ...AGENCY_NAMES.map((agency) =>
    supervisionOf(
      agency,
      SUPERVISION_CODES[agency] ?? agency.toUpperCase(),
      agency === 'governance' ? ['Query.accessLogSearch', 'AccessLogSearch.results'] : [],
    ),
  ),
];

/** Consents the showcase person has given: her bank may check her identity and income band. */
export const CONSENTS = [
  {
    subject_id: SHOWCASE.nationalId,
    consumer: 'demo-bank',
    purpose: 'loan-application',
    fields: [
      'Person.nationalId',
      'Person.givenName',
      'Person.familyName',
      'Person.dateOfBirth',
      'Person.address',
      'Address.*',
      'Person.incomeAssessments',
      'IncomeAssessment.year',
      'IncomeAssessment.incomeBand',
    ],
    data_life_days: 30,
  },
];

/** The privacy budgets (epsilon) of noisy statistical tables, per organisation and purpose. */
export const PRIVACY_BUDGETS = [
  { organisation: 'statistics-office', purpose: 'official-statistics', epsilon_total: 10 },
];

/** Fills the governance store with the demo country's organisations, purposes, agreements and consents. */
export async function seedGovernance(db: Db): Promise<void> {
  await db('governance.organisation').insert(ORGANISATIONS.map((o) => ({ ...o, description: '' })));
  await db('governance.purpose').insert(PURPOSES.map((p) => ({ ...p, description: '' })));
  await db('governance.data_controller').insert(
    Object.entries(DATA_CONTROLLERS).map(([agency, organisation]) => ({ agency, organisation })),
  );
  const rows = AGREEMENTS.map((a) => ({
    form: 'full' as const,
    legal_basis_kind: 'law' as const,
    special_category: false,
    onward_sharing: false,
    retention_days: null,
    licence: null,
    valid_from: '2026-01-01',
    valid_until: '2030-12-31',
    review_date: '2028-01-01',
    min_cell_size: 10,
    ...a,
    status: 'active' as const,
    version: 1,
    changed_by: approverOf(a.provider),
  }));
  await db('governance.agreement').insert(rows);
  // Each was proposed by the register's steward and approved by the provider's data controller.
  await db('governance.agreement_proposal').insert(
    rows.map((row) => ({
      agreement_id: row.id,
      version: 1,
      base_version: 0,
      terms: JSON.stringify(proposedTerms(row)),
      grounds: ['it is a new agreement'],
      state: 'approved',
      proposed_by: SEED_PROPOSER,
      decided_by: row.changed_by,
      decided_at: db.fn.now(),
    })),
  );
  await db('governance.agreement_change').insert(
    rows.map((row) => ({
      agreement_id: row.id,
      version: 1,
      action: 'approved',
      changed_by: row.changed_by,
      proposed_by: SEED_PROPOSER,
      proposed_at: db.fn.now(),
    })),
  );
  await db('governance.consent').insert(CONSENTS);
  await db('governance.privacy_budget').insert(PRIVACY_BUDGETS);
}

/** How the register names the data controller who approved a seeded agreement. */
function approverOf(provider: string): string {
  return `${DATA_CONTROLLERS[provider as AgencyName]}/seed`;
}

/** A seeded agreement's terms, as its (approved) proposal records them. */
function proposedTerms(row: Required<AgreementSeed> & Record<string, unknown>) {
  return {
    title: row.title,
    purposes: row.purposes,
    fields: row.fields,
    form: row.form,
    legalBasis: row.legal_basis,
    legalBasisKind: row.legal_basis_kind,
    specialCategory: row.special_category,
    reuseTerms: row.reuse_terms,
    onwardSharing: row.onward_sharing,
    retentionDays: row.retention_days,
    licence: row.licence,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    reviewDate: row.review_date,
    status: row.status,
  };
}
