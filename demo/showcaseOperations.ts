import type { ShowcaseOperation } from '../gateway/workbench/workbenchSettings';
import { SHOWCASE } from './showcase';

/**
 * The demo's showcase, as the workbench opens it: one operation per tab, each with the
 * persona and purpose it is meant for. The list is data: add an operation here and the
 * workbench shows it.
 */
export const SHOWCASE_OPERATIONS: readonly ShowcaseOperation[] = [
  {
    operationName: 'PersonAcrossSixAgencies',
    title: 'One person across six agencies',
    description:
      'Mari Tamm as six registers know her: identity and household (Population Register), income (Tax Board), child allowance (Social Insurance Board), vaccinations (Health Board), car (Transport Authority) and board seat (Business Register), in one query. As herself she sees all of it; a caseworker sees what the agreements grant for benefit eligibility, and every other field is refused with a reason.',
    query: `query PersonAcrossSixAgencies($nationalId: ID!) {
  person(nationalId: $nationalId) {
    givenName
    familyName
    address { city }
    household { members { givenName dateOfBirth } }
    incomeAssessments { year taxableIncome }
    benefitClaims { benefit monthlyAmount }
    vaccinations { vaccine date }
    vehicles { make model }
    boardMemberships { name boardMembers { familyName } }
  }
}`,
    variables: { nationalId: SHOWCASE.nationalId },
    persona: 'citizen',
  },
  {
    operationName: 'CompanyWithItsBoard',
    title: 'A company with its board',
    description:
      'A company of the Business Register with its management board: public by law, so anyone may read it without signing in. The board members are named as filed with the register.',
    query: `query CompanyWithItsBoard($registryCode: ID!) {
  company(registryCode: $registryCode) {
    name
    legalForm
    status
    founded
    city
    boardSeats { name role since }
  }
}`,
    variables: { registryCode: SHOWCASE.companyRegistryCode },
    persona: 'public',
  },
  {
    operationName: 'ChildAllowanceByMunicipality',
    title: 'An aggregate: child allowance recipients by municipality',
    description:
      'Official statistics without personal data: how many people receive a child allowance in each municipality, counted by the agencies that hold the data and joined only through the graph. Small cells are suppressed so that nobody can be singled out, and the response says what was suppressed and why.',
    query: `query ChildAllowanceByMunicipality {
  statistics(population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY]) {
    cells { categories value suppressed reason }
    margins { dimension category value suppressed }
    disclosure { minCellSize cells suppressedCells suppressedMargins agreements rules }
  }
}`,
    persona: 'statistician',
    purpose: 'official-statistics',
  },
];
