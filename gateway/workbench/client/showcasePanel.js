// @ts-check
import { h, replaceChildren } from './dom.js';

/**
 * @typedef {object} ShowcaseOperation
 * @property {string} operationName
 * @property {string} title
 * @property {string} description
 * @property {string} query
 * @property {Record<string, unknown>} [variables]
 * @property {string} persona
 * @property {string} [purpose]
 */

/**
 * The showcase tab: each ready-made operation with its description and the persona and
 * purpose it is meant for. "Open" shows it in its editor tab; where the sign-in can take any
 * persona (the demo), "Open as …" signs in as the suggested persona and purpose as well.
 * @param {HTMLElement} container
 * @param {readonly ShowcaseOperation[]} operations
 * @param {{ open(operation: ShowcaseOperation, asSuggested: boolean): void, canSignInAs: boolean }} actions
 */
export function mountShowcasePanel(container, operations, actions) {
  if (operations.length === 0) {
    replaceChildren(container, h('p', {}, 'This gateway has no showcase queries.'));
    return;
  }
  replaceChildren(
    container,
    h('p', {}, 'Each query below is also open in an editor tab of its own.'),
    h(
      'ol',
      { class: 'wb-showcase' },
      operations.map((operation) =>
        h(
          'li',
          { 'data-operation': operation.operationName },
          h('h3', {}, operation.title),
          h('p', {}, operation.description),
          h(
            'p',
            { class: 'wb-suggested' },
            `As ${operation.persona}${operation.purpose ? `, for the purpose ${operation.purpose}` : ', no purpose needed'}.`,
          ),
          h(
            'button',
            { type: 'button', class: 'wb-open', onclick: () => actions.open(operation, false) },
            'Open in the editor',
          ),
          actions.canSignInAs
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'wb-open-as',
                  onclick: () => actions.open(operation, true),
                },
                `Open as ${operation.persona}`,
              )
            : null,
        ),
      ),
    ),
  );
}
