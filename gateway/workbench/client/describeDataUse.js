// @ts-check

/**
 * One line of a response's `extensions.dataUse`, as the graph's agencies report it.
 * @typedef {object} DataUseEntry
 * @property {string} agency
 * @property {string | null} purpose
 * @property {'public' | 'own-data' | 'agreement'} basis
 * @property {string} [licence]
 * @property {string} [reuseTerms]
 * @property {string} [agreement]
 * @property {string} [title]
 * @property {string} [legalBasis]
 * @property {boolean} [onwardSharing]
 * @property {number | null} [retentionDays]
 * @property {string} [form]
 */

/**
 * A `dataUse` entry in words: under which agreement the agency released the data, what may
 * be done with it, and how long it may be kept.
 * @param {DataUseEntry} entry
 * @returns {{ heading: string, lines: string[] }}
 */
export function describeDataUse(entry) {
  if (entry.basis === 'public')
    return { heading: `${entry.agency}: open data`, lines: [entry.licence ?? 'Open data.'] };
  if (entry.basis === 'own-data')
    return { heading: `${entry.agency}: your own data`, lines: [entry.reuseTerms ?? ''] };
  return {
    heading: `${entry.agency}: under agreement ${entry.agreement}${entry.title ? ` (${entry.title})` : ''}`,
    lines: [
      `Released for the purpose ${entry.purpose ?? '(none declared)'}${entry.form === 'MASKED' ? ', in masked form' : ''}, on the legal basis: ${entry.legalBasis}.`,
      `Re-use: ${entry.reuseTerms}`,
      entry.onwardSharing
        ? 'It may be passed on to others under the same terms.'
        : 'It may not be passed on to anyone else.',
      typeof entry.retentionDays === 'number'
        ? `Retention: keep it for at most ${entry.retentionDays} days.`
        : 'Retention: the agreement sets no limit; the law governing your use does.',
      ...(entry.licence ? [`Licence: ${entry.licence}`] : []),
    ],
  };
}

/**
 * One statistical table's entry in `extensions.disclosureControl`: what disclosure control
 * withheld or perturbed, and why.
 * @typedef {object} DisclosureEntry
 * @property {string} [population]
 * @property {string[]} [by]
 * @property {number} [minCellSize]
 * @property {number} [cells]
 * @property {number} [suppressedCells]
 * @property {number} [suppressedMargins]
 * @property {string[]} [agreements]
 * @property {string[]} [rules]
 */

/**
 * A table's disclosure control in words.
 * @param {DisclosureEntry} entry
 * @returns {{ heading: string, lines: string[] }}
 */
export function describeDisclosure(entry) {
  const by = entry.by?.length ? ` by ${entry.by.map(inWords).join(', ')}` : '';
  return {
    heading: `Statistics: ${inWords(entry.population ?? 'a table')}${by}`,
    lines: [
      ...(typeof entry.minCellSize === 'number'
        ? [
            `Cells of fewer than ${entry.minCellSize} people are withheld: ${entry.suppressedCells ?? 0} of ${entry.cells ?? '?'} cells and ${entry.suppressedMargins ?? 0} totals.`,
          ]
        : []),
      ...(entry.agreements?.length ? [`Released under ${entry.agreements.join(', ')}.`] : []),
      ...(entry.rules ?? []),
    ],
  };
}

/**
 * An enum value as words: `CHILD_ALLOWANCE_RECIPIENTS` as "child allowance recipients".
 * @param {string} value
 */
function inWords(value) {
  return value.toLowerCase().replace(/_/g, ' ');
}
