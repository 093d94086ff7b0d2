import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/createDb';
import { organisationToken } from './organisationToken';
import type { TestFederation } from './testFederation';
import { registerTestOrganisation, type TestOrganisation } from './testOrganisation';

/** A research body of one test file, granted masked microdata only. */
export interface MaskedResearcher {
  organisation: TestOrganisation;
  /** Its token and declared purpose. */
  headers: Record<string, string>;
  /** The ids of its two agreements: the population register's and the Tax Board's. */
  agreements: { population: string; tax: string };
}

export const RESEARCH_PURPOSE = 'official-statistics';

/**
 * Registers an organisation granted, for official statistics, birth years, municipalities and
 * income bands in masked form (the statistician's microdata before aggregates replaced them),
 * and waits until every subgraph has loaded the agreements. For tests of masking and of what a
 * masked-only caller may reach.
 */
export async function registerMaskedResearcher(
  db: Db,
  federation: TestFederation,
): Promise<MaskedResearcher> {
  const organisation = await registerTestOrganisation(db, 'research');
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const agreements = { population: `DSA-RES-POP-${suffix}`, tax: `DSA-RES-TAX-${suffix}` };
  const common = {
    consumer: organisation.code,
    purposes: [RESEARCH_PURPOSE],
    form: 'masked',
    legal_basis: 'Official Statistics Act § 32 (GDPR art. 89)',
    legal_basis_kind: 'law',
    reuse_terms:
      'Statistical use only; publish aggregates of at least 10 people; never re-identify.',
    retention_days: 365,
    valid_from: '2026-01-01',
    status: 'active',
    version: 1,
  };
  await db('governance.agreement').insert([
    {
      ...common,
      id: agreements.population,
      title: 'Masked population data for research',
      provider: 'population',
      fields: ['Person.dateOfBirth', 'Person.address', 'Address.municipality'],
    },
    {
      ...common,
      id: agreements.tax,
      title: 'Income bands for research',
      provider: 'tax',
      fields: ['Person.incomeAssessments', 'IncomeAssessment.year', 'IncomeAssessment.incomeBand'],
    },
  ]);
  const token = await organisationToken({ organisation: organisation.code });
  const headers = { authorization: `Bearer ${token}`, 'x-purpose': RESEARCH_PURPOSE };
  const probe = '{ people(first: 1) { nodes { dateOfBirth incomeAssessments { incomeBand } } } }';
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { body } = await federation.query(probe, { headers });
    if (!body.errors) break;
    if (Date.now() > deadline)
      throw new Error(`the research agreements did not apply in time: ${body.errors[0]?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { organisation, headers, agreements };
}
