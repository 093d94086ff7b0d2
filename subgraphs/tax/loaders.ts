import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { TaxRepositories } from './repositories';
import { parseTaxPartyKey, taxPartyKey } from './taxDebt/taxParty';

/** The Tax Board's per-request loaders: one SQL statement per field and level. */
export function createTaxLoaders(repositories: TaxRepositories) {
  const { incomeAssessments, taxDebts } = repositories;
  return {
    // Every year is loaded and the `year` argument applied in memory, so people asked for
    // with different years still share one statement.
    incomeAssessmentsByPerson: listLoader(
      (nationalIds: readonly string[]) => incomeAssessments.findByPeople(nationalIds),
      (assessment) => assessment.nationalId,
    ),
    // People and companies share one loader so an `_entities` call mixing both costs one statement.
    taxDebtByParty: recordLoader(
      (keys: readonly string[]) => taxDebts.findByParties(keys.map(parseTaxPartyKey)),
      (debt) => taxPartyKey(debt.party),
    ),
  };
}

export type TaxLoaders = ReturnType<typeof createTaxLoaders>;
