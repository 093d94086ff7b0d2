import type { Knex } from 'knex';
import type { Db } from '../../../platform/db/createDb';
import { clientError, isClientError } from '../../../platform/errors/clientErrors';
import { ErrorCode } from '../../../platform/errors/ErrorCode';

/** One statistics request as the governance log records it: who, why, which table, what it cost. */
export interface StatisticsRecord {
  requestId: string;
  organisation: string;
  callerSubject: string;
  purpose: string;
  caseId: string | null;
  population: string;
  measure: string;
  numericVariable: string | null;
  dimensions: string[];
  epsilon: number | null;
  cells: number;
  suppressed: number;
}

export interface BudgetState {
  organisation: string;
  purpose: string;
  epsilonTotal: number;
  epsilonSpent: number;
  epsilonRemaining: number;
}

interface BudgetRow {
  epsilon_total: number;
  epsilon_spent: number;
}

/** The privacy budgets and the statistics log of the governance store. */
export class StatisticsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Debits epsilon and records the request in one transaction: the debit is one conditional
   * update, so two tables at once can never spend more than is left. A table that would is
   * refused with PRIVACY_BUDGET_EXHAUSTED: nothing is spent, and the refusal is recorded.
   */
  async debitAndRecord(record: StatisticsRecord): Promise<BudgetState | null> {
    try {
      return await this.db.transaction(async (trx) => {
        const budget = record.epsilon === null ? null : await debit(trx, record);
        await insertRecord(trx, record, null);
        return budget;
      });
    } catch (error) {
      if (isClientError(error, ErrorCode.PRIVACY_BUDGET_EXHAUSTED))
        await this.recordRefusal(record, ErrorCode.PRIVACY_BUDGET_EXHAUSTED);
      throw error;
    }
  }

  /**
   * Records a table refused to an organisation (a part withheld, a grant missing, the budget
   * spent), so that what was asked for and refused is as visible as what was released. It has
   * no cells and spent nothing; `epsilon` is what was asked for.
   */
  async recordRefusal(record: StatisticsRecord, refusal: string): Promise<void> {
    await insertRecord(this.db, { ...record, cells: 0, suppressed: 0 }, refusal);
  }
}

async function insertRecord(
  db: Knex | Knex.Transaction,
  record: StatisticsRecord,
  refusal: string | null,
): Promise<void> {
  await db('governance.statistics_log').insert({
    seq: 0,
    logged_at: new Date(),
    request_id: record.requestId,
    organisation: record.organisation,
    caller_subject: record.callerSubject,
    purpose: record.purpose,
    case_id: record.caseId,
    population: record.population,
    measure: record.measure,
    numeric_variable: record.numericVariable,
    dimensions: record.dimensions,
    epsilon: record.epsilon,
    cells: record.cells,
    suppressed: record.suppressed,
    outcome: refusal === null ? 'released' : 'refused',
    refusal,
    // Set by the chain trigger.
    format: 0,
    prev_hash: '',
    hash: '',
  });
}

async function debit(trx: Knex.Transaction, record: StatisticsRecord): Promise<BudgetState> {
  const { organisation, purpose } = record;
  const epsilon = record.epsilon!;
  const { rows } = await trx.raw<{ rows: BudgetRow[] }>(
    `update governance.privacy_budget
        set epsilon_spent = epsilon_spent + ?
      where organisation = ? and purpose = ? and epsilon_spent + ? <= epsilon_total
      returning epsilon_total, epsilon_spent`,
    [epsilon, organisation, purpose, epsilon],
  );
  const row = rows[0];
  if (row) return stateOf(organisation, purpose, row);
  const current = (await trx('governance.privacy_budget')
    .where({ organisation, purpose })
    .first('epsilon_total', 'epsilon_spent')) as BudgetRow | undefined;
  const left = current ? stateOf(organisation, purpose, current).epsilonRemaining : 0;
  throw clientError(
    ErrorCode.PRIVACY_BUDGET_EXHAUSTED,
    current
      ? `The privacy budget of ${organisation} for ${purpose} has ${left} of epsilon ${current.epsilon_total} left; this table asks for ${epsilon}. Ask with a smaller epsilon, or for a table without noise.`
      : `${organisation} has no privacy budget for ${purpose}, so no noisy table can be released`,
    { organisation, purpose, epsilonAsked: epsilon, epsilonRemaining: left },
  );
}

function stateOf(organisation: string, purpose: string, row: BudgetRow): BudgetState {
  const total = Number(row.epsilon_total);
  const spent = Number(row.epsilon_spent);
  return {
    organisation,
    purpose,
    epsilonTotal: total,
    epsilonSpent: round(spent),
    epsilonRemaining: round(Math.max(0, total - spent)),
  };
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
