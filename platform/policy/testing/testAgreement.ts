import type { Agreement } from '../agreement';

/** An agreement in force for tests: tax to social insurance, for benefit eligibility, unless overridden. */
export function testAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 'DSA-1',
    title: 'test',
    minCellSize: 10,
    provider: 'tax',
    consumer: 'social-insurance',
    purposes: ['benefit-eligibility'],
    fields: ['IncomeAssessment.*'],
    form: 'full',
    legalBasis: 'Act § 1',
    legalBasisKind: 'law',
    specialCategory: false,
    reuseTerms: 'no onward sharing',
    onwardSharing: false,
    retentionDays: 30,
    licence: null,
    validFrom: '2026-01-01',
    validUntil: null,
    status: 'active',
    version: 1,
    ...overrides,
  };
}
