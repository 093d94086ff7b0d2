// @ts-check
import { h, replaceChildren } from './dom.js';
import { PUBLIC_SESSION, tokenExpired } from './session.js';

/** @typedef {import('./session.js').SessionStore} SessionStore */
/** @typedef {{ name: string, description: string, organisation: string | null }} Persona */

/**
 * The demo's sign-in: a persona picker whose choice the gateway's demo route mints a token
 * for. Choosing `public` signs out.
 * @param {HTMLElement} container
 * @param {{ tokenPath: string, personas: Persona[] }} settings
 * @param {SessionStore} session
 */
export function mountDemoSignIn(container, settings, session) {
  const status = h('span', { class: 'wb-status', id: 'wb-sign-in-status', role: 'status' });
  const picker = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'wb-persona', 'aria-describedby': 'wb-persona-description' },
      settings.personas.map((persona) =>
        h('option', { value: persona.name }, personaLabel(persona)),
      ),
    )
  );
  const description = h('small', { id: 'wb-persona-description' });
  const describe = () => {
    const persona = settings.personas.find((candidate) => candidate.name === picker.value);
    replaceChildren(description, persona?.description ?? '');
  };
  picker.value = session.get().persona ?? 'public';
  describe();
  // A sign-in made elsewhere (the showcase's "Open as …") shows here too.
  session.subscribe((current) => {
    if (current.persona && picker.value !== current.persona) {
      picker.value = current.persona;
      describe();
    }
  });
  picker.addEventListener('change', async () => {
    describe();
    status.textContent = 'Signing in…';
    try {
      await signInAs(picker.value, settings.tokenPath, session);
      status.textContent = '';
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  // A persona kept from earlier in this tab gets a fresh token once its old one has expired.
  const kept = session.get();
  if (kept.persona && kept.persona !== 'public' && tokenExpired(kept, Date.now())) {
    signInAs(kept.persona, settings.tokenPath, session).catch((error) => {
      status.textContent = error instanceof Error ? error.message : String(error);
    });
  }
  replaceChildren(
    container,
    h('label', { for: 'wb-persona' }, 'Signed in as '),
    picker,
    description,
    status,
  );
}

/**
 * @param {Persona} persona
 * @returns {string}
 */
function personaLabel(persona) {
  return persona.organisation ? `${persona.name} (${persona.organisation})` : persona.name;
}

/**
 * Signs in as a persona, with a token the gateway's demo route mints.
 * @param {string} persona
 * @param {string} tokenPath
 * @param {SessionStore} session
 */
export async function signInAs(persona, tokenPath, session) {
  const { caseId } = session.get();
  if (persona === 'public') {
    session.update({ ...PUBLIC_SESSION, caseId });
    return;
  }
  const response = await fetch(tokenPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  session.update({
    token: body.token,
    persona,
    who: body.name ? `${body.name} (${persona})` : persona,
    organisation: body.organisation,
    purpose: null,
    caseId,
    expiresAt: body.expiresAt,
  });
}
