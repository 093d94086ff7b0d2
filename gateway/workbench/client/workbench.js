// @ts-check
import { mountCatalogPanel } from './catalogPanel.js';
import { mountDataUsePanel } from './dataUsePanel.js';
import { mountDemoSignIn, signInAs } from './demoSignIn.js';
import { h, replaceChildren } from './dom.js';
import { mountEditor, refetchSchema, showEditorTab } from './editor.js';
import { createFetcher } from './graphFetch.js';
import { mountOpenIdSignIn } from './openIdSignIn.js';
import { mountPurposePicker } from './purposePicker.js';
import { createSession } from './session.js';
import { mountShowcasePanel } from './showcasePanel.js';

/** @typedef {import('./showcasePanel.js').ShowcaseOperation} ShowcaseOperation */
/**
 * What the gateway tells the page (gateway/workbench/workbenchSettings.ts).
 * @typedef {object} WorkbenchSettings
 * @property {string} title
 * @property {string} graphqlPath
 * @property {{ kind: 'demo', tokenPath: string, personas: import('./demoSignIn.js').Persona[] } | { kind: 'openid-connect', issuer: string, clientId: string, scope: string } | { kind: 'none' }} signIn
 * @property {ShowcaseOperation[]} showcase
 */

/** @param {string} id */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

const settings = /** @type {WorkbenchSettings} */ (
  JSON.parse(byId('workbench-settings').textContent ?? '{}')
);
const session = createSession(sessionStorage);
const editorRoot = byId('root');

const showDataUse = mountDataUsePanel(byId('wb-panel-data-use'));
const showCatalog = mountCatalogPanel(byId('wb-panel-catalog'), settings.graphqlPath, session);
const panels = {
  showcase: () => undefined,
  catalog: showCatalog,
  'data-use': () => undefined,
};

/** The workbench's own tabs (GraphiQL's editor tabs are tabs too). */
const PANEL_TABS = '.wb-side [role="tab"][data-panel]';

/** @param {keyof typeof panels} name */
function showPanel(name) {
  for (const tab of document.querySelectorAll(PANEL_TABS)) {
    const selected = tab.getAttribute('data-panel') === name;
    tab.setAttribute('aria-selected', String(selected));
    byId(`wb-panel-${tab.getAttribute('data-panel')}`).hidden = !selected;
  }
  panels[name]();
}
for (const tab of document.querySelectorAll(PANEL_TABS)) {
  tab.addEventListener('click', () =>
    showPanel(/** @type {keyof typeof panels} */ (tab.getAttribute('data-panel'))),
  );
}

const signIn = settings.signIn;
const signInBox = byId('wb-sign-in-box');
/** Settles once a sign-in coming back from the identity provider is complete (or failed). */
let signedIn = Promise.resolve();
if (signIn.kind === 'demo') mountDemoSignIn(signInBox, signIn, session);
else if (signIn.kind === 'openid-connect')
  signedIn = mountOpenIdSignIn(
    signInBox,
    signIn,
    session,
    `${location.origin}${settings.graphqlPath}`,
  );
else replaceChildren(signInBox, h('span', {}, 'Sign-in is not configured: you ask as the public.'));
mountPurposePicker(byId('wb-purpose-box'), settings.graphqlPath, session);

const showcaseNote = byId('wb-showcase-note');
mountShowcasePanel(byId('wb-panel-showcase'), settings.showcase, {
  canSignInAs: signIn.kind === 'demo',
  async open(operation, asSuggested) {
    showcaseNote.textContent = '';
    try {
      if (asSuggested && signIn.kind === 'demo') {
        if (session.get().persona !== operation.persona)
          await signInAs(operation.persona, signIn.tokenPath, session);
        session.update({ purpose: operation.purpose ?? null });
      }
    } catch (error) {
      showcaseNote.textContent = `Could not sign in as ${operation.persona}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!showEditorTab(editorRoot, operation.operationName))
      showcaseNote.textContent = `The tab ${operation.operationName} was closed: reload the page to restore the showcase.`;
  },
});

// The editor reads the schema as soon as it mounts: as the user, once they are back.
await signedIn;
mountEditor(editorRoot, {
  title: settings.title,
  showcase: settings.showcase,
  fetcher: createFetcher(
    settings.graphqlPath,
    () => session.get(),
    (result) => {
      showDataUse(result);
      // The tab says that the response came with terms, whichever panel is open.
      const entries = Array.isArray(result.extensions?.dataUse) ? result.extensions.dataUse : [];
      byId('wb-tab-data-use').textContent = `Data use (${entries.length})`;
    },
  ),
});
showPanel('showcase');

// A new sign-in may see more of the schema (or less): the editor reads it again as them.
let schemaReadWith = session.get().token;
session.subscribe((current) => {
  if (current.token === schemaReadWith) return;
  schemaReadWith = current.token;
  refetchSchema(editorRoot);
});
