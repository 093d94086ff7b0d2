import type { Db } from '../../platform/db/createDb';
import { IncomeAssessmentRepository } from './incomeAssessment/incomeAssessment.repository';
import { TaxDebtRepository } from './taxDebt/taxDebt.repository';

/** Every repository of the Tax Board, made once per process. */
export function createTaxRepositories(db: Db) {
  return {
    incomeAssessments: new IncomeAssessmentRepository(db),
    taxDebts: new TaxDebtRepository(db),
  };
}

export type TaxRepositories = ReturnType<typeof createTaxRepositories>;
