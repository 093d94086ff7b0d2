import type { PersonaName } from '../../../demo/identity/personas';
import type { CorpusCategory, HostileCase } from './HostileCase';

const GRANT = `mutation { grantAgreement(input: {
  id: "DSA-HOSTILE-01", title: "Everything", provider: "health", consumer: "police",
  purposes: ["traffic-control"], fields: ["Person.*", "Vaccination.*"], legalBasis: "none",
  legalBasisKind: LAW, specialCategory: true, reuseTerms: "any", retentionDays: 3650,
  validFrom: "2026-01-01"
}) { id status } }`;
const APPROVE = 'mutation { approveAgreement(id: "DSA-SIB-POP-01", version: 1) { id status } }';
const REVOKE =
  'mutation { revokeAgreement(id: "DSA-SIB-POP-01", reason: "hostile") { id status } }';
const SUSPEND =
  'mutation { changeAgreement(id: "DSA-SIB-POP-01", input: { status: SUSPENDED }, reason: "hostile") { id status } }';
const WIDEN =
  'mutation { changeAgreement(id: "DSA-SIB-POP-01", input: { fields: ["Person.*", "IncomeAssessment.*"] }) { id status } }';
const CONSENT = `mutation { grantConsent(input: { organisation: "demo-bank", purpose: "credit-check",
  fields: ["IncomeAssessment.taxableIncome"], expiresAt: "2030-01-01T00:00:00Z" }) { id } }`;
const WITHDRAW = 'mutation { withdrawConsent(id: "1") { id } }';

const forbidden = (
  name: string,
  query: string,
  persona: PersonaName,
  attacks = 'the separation of duties over agreements',
): HostileCase => ({
  name: `${name} as ${persona}`,
  attacks,
  request: { json: { query }, as: { persona } },
  expect: { status: 200, code: 'FORBIDDEN' },
  reachesSubgraphs: true,
});

/** Mutations the caller may not run: refused, and nothing changes. */
export const mutations: CorpusCategory = {
  category: 'mutations',
  cases: [
    ...(['public', 'citizen', 'caseworker', 'tax-controller'] as const).map((persona) =>
      forbidden('grant an agreement', GRANT, persona),
    ),
    ...(['public', 'caseworker', 'statistician', 'tax-controller'] as const).map((persona) =>
      forbidden('approve an agreement', APPROVE, persona),
    ),
    ...(['public', 'citizen', 'caseworker', 'police-officer'] as const).map((persona) =>
      forbidden('revoke an agreement', REVOKE, persona),
    ),
    ...(['public', 'caseworker'] as const).map((persona) =>
      forbidden('suspend an agreement', SUSPEND, persona),
    ),
    ...(['public', 'statistician'] as const).map((persona) =>
      forbidden('widen an agreement', WIDEN, persona),
    ),
    ...(['public', 'caseworker'] as const).map((persona) =>
      forbidden('consent for someone', CONSENT, persona, 'consent given by anyone but the person'),
    ),
    forbidden(
      'withdraw a consent',
      WITHDRAW,
      'public',
      'consent withdrawn by anyone but the person',
    ),
  ],
};
