import { mintJob } from '../../../platform/statistics/StatisticsSpec';
import type { StatisticsAgency } from '../../../platform/statistics/statisticalVariables';
import type { GovernanceContext } from '../context';
import { computeTable, REFUSALS } from './computeTable';
import type { StatisticsRecord } from './statistics.repository';

/** A statistician's context whose repository only keeps the refusals it is given. */
function statisticianContext() {
  const refusals: { record: StatisticsRecord; refusal: string }[] = [];
  const context = {
    caller: {
      kind: 'organisation',
      subject: '38001010000',
      organisation: 'statistics-office',
      roles: [],
    },
    purpose: 'official-statistics',
    caseId: null,
    requestId: 'request-1',
    repositories: {
      statistics: {
        recordRefusal: async (record: StatisticsRecord, refusal: string) => {
          refusals.push({ record, refusal });
        },
        debitAndRecord: async () => {
          throw new Error('nothing is released in these tests');
        },
      },
    },
    loaders: { disclosure: { entries: [] } },
  } as unknown as GovernanceContext;
  return { context, refusals };
}

// Child allowance recipients by income band: the social, tax and population parts.
const job = mintJob({
  population: 'CHILD_ALLOWANCE_RECIPIENTS',
  measure: 'COUNT',
  of: null,
  by: ['INCOME_BAND'],
  epsilon: null,
});
const none = JSON.stringify({ mode: 'none' });

describe('a table whose parts did not all come', () => {
  it('is refused as rate limited when an agency is busy, and the refusal is recorded', async () => {
    const { context, refusals } = statisticianContext();
    const extracts = new Map<StatisticsAgency, string | null>([
      ['social', none],
      ['tax', JSON.stringify({ mode: 'busy', reason: 'the tax agency is computing 6 tables' })],
      ['population', none],
    ]);
    await expect(computeTable(job, extracts, context)).rejects.toMatchObject({
      message: expect.stringMatching(/Tax Board is computing as many tables.*ask again/),
      extensions: { code: 'RATE_LIMITED', agency: 'tax' },
    });
    expect(refusals).toEqual([
      {
        refusal: REFUSALS.agencyBusy,
        record: expect.objectContaining({
          organisation: 'statistics-office',
          population: 'CHILD_ALLOWANCE_RECIPIENTS',
          dimensions: ['INCOME_BAND'],
          cells: 0,
        }),
      },
    ]);
  });

  it('is refused as forbidden when an agency sent no part, and the refusal is recorded', async () => {
    const { context, refusals } = statisticianContext();
    const extracts = new Map<StatisticsAgency, string | null>([
      ['social', null],
      ['tax', none],
      ['population', none],
    ]);
    await expect(computeTable(job, extracts, context)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', agency: 'social' },
    });
    expect(refusals.map((r) => r.refusal)).toEqual([REFUSALS.partWithheld]);
  });
});
