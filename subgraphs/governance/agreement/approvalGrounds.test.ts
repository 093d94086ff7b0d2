import { loadCatalog } from '../catalog/loadCatalog';
import type { AgreementTerms } from './agreementRow';
import { approvalGrounds } from './approvalGrounds';

const catalog = loadCatalog();

const INCOME: AgreementTerms & { provider: string } = {
  provider: 'tax',
  title: 'Income bands for credit checks',
  purposes: ['loan-application'],
  fields: ['Person.incomeAssessments', 'IncomeAssessment.year', 'IncomeAssessment.incomeBand'],
  form: 'masked',
  legalBasis: 'Creditors Act § 59',
  legalBasisKind: 'consent',
  specialCategory: false,
  reuseTerms: 'Only for the credit decision.',
  onwardSharing: false,
  retentionDays: 30,
  licence: null,
  validFrom: '2026-01-01',
  validUntil: '2030-12-31',
  reviewDate: '2028-06-30',
  status: 'active',
  minCellSize: 10,
};
const HEALTH = {
  ...INCOME,
  provider: 'health',
  fields: ['Person.gp', 'GpRegistration.*'],
  form: 'full' as const,
  legalBasisKind: 'law' as const,
  specialCategory: true,
};

const grounds = (change: Partial<typeof INCOME>, current = INCOME) =>
  approvalGrounds(current, { ...current, ...change }, catalog);

test('a new agreement, or a change of one not yet approved, always needs approval', () => {
  expect(approvalGrounds(null, INCOME, catalog)).toEqual(['it is a new agreement']);
  expect(grounds({ title: 'x' }, { ...INCOME, status: 'proposed' })).toEqual([
    'it is a new agreement',
  ]);
});

test.each<[string, Partial<typeof INCOME>, string[]]>([
  [
    'a field',
    { fields: [...INCOME.fields, 'IncomeAssessment.taxPaid'] },
    ['it adds fields: IncomeAssessment.taxPaid'],
  ],
  [
    'a whole type',
    { fields: ['Person.incomeAssessments', 'IncomeAssessment.*'] },
    ['it adds fields: IncomeAssessment.taxableIncome, IncomeAssessment.taxPaid'],
  ],
  [
    'a purpose',
    { purposes: ['loan-application', 'tax-assessment'] },
    ['it adds purposes: tax-assessment'],
  ],
  ['the full form', { form: 'full' }, ['it releases full values instead of masked ones']],
  [
    'special category',
    { specialCategory: true },
    ['it adds special-category data', 'it covers special-category data'],
  ],
  [
    'a basis other than consent',
    { legalBasisKind: 'contract' },
    ['it rests on contract instead of consent'],
  ],
  ['another legal basis', { legalBasis: 'Another Act' }, ['it changes the legal basis']],
  ['other re-use terms', { reuseTerms: 'Anything goes.' }, ['it changes the re-use terms']],
  ['a licence', { licence: 'CC-BY-4.0' }, ['it changes the licence']],
  ['onward sharing', { onwardSharing: true }, ['it allows onward sharing']],
  ['longer retention', { retentionDays: 31 }, ['it lets the data be kept longer']],
  ['unlimited retention', { retentionDays: null }, ['it lets the data be kept longer']],
  ['an earlier start', { validFrom: '2025-12-31' }, ['it starts earlier']],
  ['a later end', { validUntil: '2031-01-01' }, ['it runs longer']],
  ['no end', { validUntil: null }, ['it runs longer']],
  [
    'a smaller minimum cell',
    { minCellSize: 5 },
    ['it releases smaller statistical cells (minimum cell size 5 instead of 10)'],
  ],
])('counts %s as widening', (_what, change, expected) => {
  expect(grounds(change)).toEqual(expected);
});

test.each<[string, Partial<typeof INCOME>]>([
  ['fewer fields', { fields: ['Person.incomeAssessments', 'IncomeAssessment.year'] }],
  ['fewer purposes', { purposes: [] }],
  ['an earlier end', { validUntil: '2029-12-31' }],
  ['a later start', { validFrom: '2026-06-01' }],
  ['shorter retention', { retentionDays: 7 }],
  ['a larger minimum cell', { minCellSize: 20 }],
  ['a new title and review date', { title: 'Reviewed', reviewDate: null }],
  ['suspension', { status: 'suspended' }],
])('lets %s take effect at once', (_what, change) => {
  expect(grounds(change)).toEqual([]);
});

test('counts the full form made masked, and consent instead of law, as narrowing', () => {
  const lawful = { ...INCOME, form: 'full' as const, legalBasisKind: 'law' as const };
  expect(grounds({ form: 'masked', legalBasisKind: 'consent' }, lawful)).toEqual([]);
});

test('counts resuming a suspended agreement as widening', () => {
  expect(grounds({ status: 'active' }, { ...INCOME, status: 'suspended' })).toEqual([
    'it resumes the agreement',
  ]);
});

test('needs approval for any change of special-category or access-log agreements, but not to suspend', () => {
  expect(grounds({ fields: ['Person.gp'] }, HEALTH)).toEqual(['it covers special-category data']);
  expect(grounds({ fields: ['Person.gp'] }, { ...HEALTH, specialCategory: false })).toEqual([
    'it covers special-category data',
  ]);
  const log = {
    ...INCOME,
    form: 'full' as const,
    fields: ['AccessRecord.accessedAt', 'AccessRecord.purpose'],
  };
  expect(grounds({ fields: ['AccessRecord.accessedAt'] }, log)).toEqual([
    'it covers access-log fields',
  ]);
  expect(grounds({ status: 'suspended' }, HEALTH)).toEqual([]);
  expect(grounds({ status: 'suspended', title: 'Paused' }, HEALTH)).toEqual([
    'it covers special-category data',
  ]);
});
