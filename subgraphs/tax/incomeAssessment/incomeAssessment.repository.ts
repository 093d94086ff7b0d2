import type { Db } from '../../../platform/db/createDb';
import { incomeBandOf } from './incomeBand';
import type { IncomeAssessment } from './incomeAssessment.type';

interface IncomeAssessmentRow {
  national_id: string;
  year: number;
  taxable_income: number;
  tax_paid: number;
}

const INCOME_ASSESSMENT = 'tax.income_assessment';

function toIncomeAssessment(row: IncomeAssessmentRow): IncomeAssessment {
  return {
    nationalId: row.national_id,
    year: row.year,
    taxableIncome: row.taxable_income,
    taxPaid: row.tax_paid,
    incomeBand: incomeBandOf(row.taxable_income),
  };
}

/** The only place the income assessment table is read. */
export class IncomeAssessmentRepository {
  constructor(private readonly db: Db) {}

  /** Every assessment of the given people, each person's newest year first. */
  async findByPeople(nationalIds: readonly string[]): Promise<IncomeAssessment[]> {
    const rows = await this.db<IncomeAssessmentRow>(INCOME_ASSESSMENT)
      .whereRaw('national_id = any(?)', [Array.from(nationalIds)])
      .orderBy([{ column: 'national_id' }, { column: 'year', order: 'desc' }]);
    return rows.map(toIncomeAssessment);
  }
}
