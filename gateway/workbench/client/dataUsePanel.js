// @ts-check
import { describeDataUse, describeDisclosure } from './describeDataUse.js';
import { h, replaceChildren } from './dom.js';

/** @typedef {import('./graphFetch.js').GraphQLResult} GraphQLResult */
/** @typedef {import('./describeDataUse.js').DataUseEntry} DataUseEntry */
/** @typedef {import('./describeDataUse.js').DisclosureEntry} DisclosureEntry */

/**
 * The terms of the last response: its `extensions.dataUse`, one entry per agency and
 * agreement, in words, and how many fields were refused.
 * @param {HTMLElement} container
 * @returns {(result: GraphQLResult) => void} shows one result
 */
export function mountDataUsePanel(container) {
  replaceChildren(
    container,
    h('p', {}, 'Run a query: the terms its data was released under appear here.'),
  );
  return (result) => {
    const entries = /** @type {DataUseEntry[]} */ (
      Array.isArray(result.extensions?.dataUse) ? result.extensions.dataUse : []
    );
    const disclosures = /** @type {DisclosureEntry[]} */ (
      Array.isArray(result.extensions?.disclosureControl) ? result.extensions.disclosureControl : []
    );
    const refused = (result.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN');
    replaceChildren(
      container,
      entries.length === 0
        ? h(
            'p',
            {},
            'The last response released no data under terms (nothing, or only what needs none).',
          )
        : h(
            'ul',
            { class: 'wb-data-use' },
            entries.map((entry) => {
              const { heading, lines } = describeDataUse(entry);
              return h(
                'li',
                {},
                h('strong', {}, heading),
                lines.map((line) => h('p', {}, line)),
              );
            }),
          ),
      disclosures.length > 0
        ? h(
            'ul',
            { class: 'wb-disclosure' },
            disclosures.map((entry) => {
              const { heading, lines } = describeDisclosure(entry);
              return h(
                'li',
                {},
                h('strong', {}, heading),
                lines.map((line) => h('p', {}, line)),
              );
            }),
          )
        : null,
      refused.length > 0
        ? h(
            'details',
            {},
            h(
              'summary',
              {},
              `${refused.length} field${refused.length === 1 ? ' was' : 's were'} refused`,
            ),
            h(
              'ul',
              {},
              refused.map((error) =>
                h('li', {}, `${(error.path ?? []).join('.')}: ${error.message}`),
              ),
            ),
          )
        : null,
    );
  };
}
