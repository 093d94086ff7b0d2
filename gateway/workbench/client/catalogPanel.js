// @ts-check
import { h, replaceChildren } from './dom.js';
import { postGraphQL } from './graphFetch.js';

/** @typedef {import('./session.js').SessionStore} SessionStore */
/** @typedef {import('./session.js').Session} Session */
/**
 * @typedef {object} CatalogField
 * @property {string} agency
 * @property {string} type
 * @property {string} field
 * @property {string} classification
 * @property {boolean} maskable
 * @property {string | null} maskedForm
 * @property {{ decision: string, reason: string, agreement: { id: string, title: string } | null }} access
 * @property {{ id: string, purposes: string[], form: string }[]} grants
 */

const CATALOG_QUERY = `query WorkbenchCatalog {
  dataCatalog {
    agency type field classification maskable maskedForm
    access { decision reason agreement { id title } }
    grants { id purposes form }
  }
}`;

/**
 * The data catalog for the signed-in caller and declared purpose: every field of one type,
 * what the caller may read of it (in full, masked, only their own, with consent, or not),
 * under which agreement, and why not. Read again whenever the sign-in or purpose changes.
 * @param {HTMLElement} container
 * @param {string} graphqlPath
 * @param {SessionStore} session
 * @returns {() => void} shows the panel's current contents, loading them if needed
 */
export function mountCatalogPanel(container, graphqlPath, session) {
  const typePicker = /** @type {HTMLSelectElement} */ (h('select', { id: 'wb-catalog-type' }));
  const summary = h('p', { id: 'wb-catalog-summary', role: 'status' });
  const list = h('div', { id: 'wb-catalog-fields' });
  replaceChildren(
    container,
    h('label', { for: 'wb-catalog-type' }, 'Type '),
    typePicker,
    summary,
    list,
  );
  /** @type {CatalogField[] | null} */
  let fields = null;
  /** @type {string | null} */
  let loadedFor = null;

  const render = () => {
    if (!fields) return;
    const type = typePicker.value;
    const shown = fields.filter((field) => field.type === type);
    replaceChildren(list, h('ul', { class: 'wb-catalog' }, shown.map(fieldRow)));
  };
  typePicker.addEventListener('change', render);

  const load = async () => {
    const current = session.get();
    const key = `${current.token}|${current.purpose}`;
    if (key === loadedFor) return;
    loadedFor = key;
    summary.textContent = 'Reading the catalog…';
    const result = await postGraphQL(graphqlPath, current, { query: CATALOG_QUERY });
    const data = /** @type {{ dataCatalog?: CatalogField[] } | undefined} */ (result.data);
    if (!data?.dataCatalog) {
      loadedFor = null;
      summary.textContent = result.errors?.[0]?.message ?? 'The catalog did not answer.';
      return;
    }
    if (loadedFor !== key) return;
    fields = data.dataCatalog;
    const types = [...new Set(fields.map((field) => field.type))].sort();
    const previous = typePicker.value || 'Person';
    replaceChildren(
      typePicker,
      types.map((type) => h('option', { value: type }, type)),
    );
    typePicker.value = types.includes(previous) ? previous : (types[0] ?? '');
    const readable = fields.filter((field) => field.access.decision !== 'DENIED').length;
    summary.textContent = `As ${current.who}${current.purpose ? `, for ${current.purpose}` : ', without a purpose'}: ${readable} of ${fields.length} fields readable in some form.`;
    render();
  };
  let visible = false;
  session.subscribe(() => {
    if (visible) load().catch((error) => (summary.textContent = String(error)));
  });
  return () => {
    visible = true;
    load().catch((error) => (summary.textContent = String(error)));
  };
}

/**
 * @param {CatalogField} field
 * @returns {HTMLElement}
 */
function fieldRow(field) {
  const { decision, reason, agreement } = field.access;
  const grants = field.grants.map(
    (grant) => `${grant.id} (${grant.form.toLowerCase()}, for ${grant.purposes.join(', ')})`,
  );
  return h(
    'li',
    {
      class: `wb-decision-${decision.toLowerCase()}`,
      'data-field': `${field.type}.${field.field}`,
    },
    h(
      'p',
      {},
      h('code', {}, field.field),
      ' ',
      h('span', { class: 'wb-decision' }, decisionInWords(decision)),
      h('small', {}, `${field.agency}, ${field.classification.toLowerCase().replace(/_/g, '-')}`),
    ),
    h('p', {}, reason),
    field.maskable && field.maskedForm ? h('small', {}, `Masked form: ${field.maskedForm}`) : null,
    agreement ? h('small', {}, `Under ${agreement.id}: ${agreement.title}`) : null,
    grants.length > 0 ? h('small', {}, `Agreements of yours: ${grants.join('; ')}`) : null,
  );
}

/**
 * @param {string} decision
 * @returns {string}
 */
function decisionInWords(decision) {
  switch (decision) {
    case 'ALLOWED':
      return 'yes, in full';
    case 'MASKED':
      return 'masked only';
    case 'OWN_DATA_ONLY':
      return 'only your own';
    case 'WITH_CONSENT':
      return 'with consent';
    case 'DENIED':
      return 'no';
    default:
      return decision.toLowerCase();
  }
}
