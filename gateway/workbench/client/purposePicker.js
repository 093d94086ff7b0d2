// @ts-check
import { h, replaceChildren } from './dom.js';
import { postGraphQL } from './graphFetch.js';

/** @typedef {import('./session.js').SessionStore} SessionStore */
/** @typedef {import('./session.js').Session} Session */

const PURPOSES_QUERY = `query WorkbenchPurposes($consumer: String!) {
  agreements(consumer: $consumer, status: ACTIVE) { id purposes }
  purposes { code title description }
}`;

/**
 * The purpose picker: the purposes the signed-in organisation holds agreements in force for,
 * read from the graph's register of agreements, sent as `x-purpose`; and the case reference,
 * sent as `x-case-id` when one is given.
 * @param {HTMLElement} container
 * @param {string} graphqlPath
 * @param {SessionStore} session
 */
export function mountPurposePicker(container, graphqlPath, session) {
  const picker = /** @type {HTMLSelectElement} */ (h('select', { id: 'wb-purpose' }));
  const caseId = /** @type {HTMLInputElement} */ (
    h('input', {
      id: 'wb-case-id',
      type: 'text',
      maxlength: '128',
      placeholder: 'optional, e.g. SIB-2026-0042',
    })
  );
  const note = h('small', { id: 'wb-purpose-note', role: 'status' });
  picker.addEventListener('change', () => session.update({ purpose: picker.value || null }));
  caseId.addEventListener('change', () => session.update({ caseId: caseId.value.trim() || null }));
  caseId.value = session.get().caseId ?? '';
  replaceChildren(
    container,
    h('label', { for: 'wb-purpose' }, 'Purpose '),
    picker,
    h('label', { for: 'wb-case-id' }, 'Case '),
    caseId,
    note,
  );

  let shownFor = /** @type {string | null | undefined} */ (undefined);
  /** @param {Session} current */
  const refresh = async (current) => {
    const key = `${current.organisation}|${current.token}`;
    if (key === shownFor) {
      // The same sign-in: only the purpose may have changed (the showcase sets one too).
      if (!picker.disabled) picker.value = current.purpose ?? '';
      return;
    }
    shownFor = key;
    if (!current.organisation) {
      replaceChildren(picker, h('option', { value: '' }, 'none needed'));
      picker.disabled = true;
      note.textContent = current.token
        ? 'A citizen reads their own data without declaring a purpose.'
        : 'The public reads open data only, without a purpose.';
      return;
    }
    note.textContent = 'Loading the purposes of your agreements…';
    const purposes = await purposesOf(graphqlPath, current);
    if (shownFor !== key) return;
    picker.disabled = false;
    replaceChildren(
      picker,
      h('option', { value: '' }, 'no purpose'),
      purposes.map(({ code, title }) => h('option', { value: code, title }, `${code}: ${title}`)),
    );
    // The purpose as it is now: it may have been set while the list was loading.
    picker.value = session.get().purpose ?? '';
    note.textContent =
      purposes.length === 0
        ? `${current.organisation} holds no agreement in force.`
        : `The purposes ${current.organisation} holds agreements in force for.`;
  };
  session.subscribe((current) => {
    refresh(current).catch((error) => (note.textContent = String(error)));
  });
  refresh(session.get()).catch((error) => (note.textContent = String(error)));
}

/**
 * @param {string} graphqlPath
 * @param {Session} session
 * @returns {Promise<{ code: string, title: string }[]>}
 */
async function purposesOf(graphqlPath, session) {
  const result = await postGraphQL(
    graphqlPath,
    { ...session, purpose: null },
    { query: PURPOSES_QUERY, variables: { consumer: session.organisation } },
  );
  const data =
    /** @type {{ agreements?: { purposes: string[] }[], purposes?: { code: string, title: string }[] } | undefined} */ (
      result.data
    );
  if (!data?.agreements || !data.purposes)
    throw new Error(result.errors?.[0]?.message ?? 'the register of agreements did not answer');
  const held = new Set(data.agreements.flatMap((agreement) => agreement.purposes));
  return data.purposes.filter((purpose) => held.has(purpose.code));
}
