/**
 * A statistics log record as a test inserts it straight into `governance.statistics_log`: a
 * released count of people by sex, with the columns the chain trigger fills left blank.
 */
export function statisticsLogRow(requestId: string) {
  return {
    seq: 0,
    logged_at: new Date(),
    request_id: requestId,
    organisation: 'statistics-office',
    caller_subject: '38001010000',
    purpose: 'official-statistics',
    population: 'PEOPLE',
    measure: 'COUNT',
    dimensions: ['SEX'],
    cells: 3,
    suppressed: 0,
    prev_hash: '',
    hash: '',
  };
}
