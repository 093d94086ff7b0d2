// @ts-check

/** @typedef {import('./showcasePanel.js').ShowcaseOperation} ShowcaseOperation */

/**
 * GraphiQL, as `@graphql-yoga/graphiql` renders it from the page's script, with the
 * workbench's fetcher and one editor tab per showcase operation, the first one open.
 * @param {HTMLElement} root
 * @param {{ title: string, fetcher: Function, showcase: readonly ShowcaseOperation[] }} options
 */
export function mountEditor(root, options) {
  const tabs = options.showcase.map((operation) => ({
    query: operation.query,
    variables: operation.variables ? JSON.stringify(operation.variables, null, 2) : undefined,
  }));
  const first = tabs[0];
  /** @type {{ renderYogaGraphiQL(root: HTMLElement, options: Record<string, unknown>): void }} */
  const graphiql = /** @type {any} */ (window).YogaGraphiQL;
  graphiql.renderYogaGraphiQL(root, {
    title: options.title,
    fetcher: options.fetcher,
    ...(first
      ? { defaultTabs: tabs, initialQuery: first.query, initialVariables: first.variables ?? '' }
      : {}),
    // Each page opens on the showcase: tabs and headers are kept for this page only, and a
    // token typed into the headers editor is never written to localStorage.
    storage: memoryStorage(),
    shouldPersistHeaders: false,
    // The runtime's renderer writes the query into the address bar; the workbench does not.
    onEditQuery: () => undefined,
  });
}

/**
 * Shows the editor tab of a showcase operation: the tab GraphiQL titled with its name.
 * @param {HTMLElement} root
 * @param {string} operationName
 * @returns {boolean} whether the tab was there (the analyst may have closed it)
 */
export function showEditorTab(root, operationName) {
  const buttons = [...root.querySelectorAll('.graphiql-tab-button')];
  const button = buttons.find((candidate) => candidate.textContent?.trim() === operationName);
  if (!(button instanceof HTMLElement)) return false;
  button.click();
  return true;
}

/**
 * Has GraphiQL read the schema again, as its own re-fetch button does: what introspection
 * shows depends on who asks (a production gateway shows it to organisations only).
 * @param {HTMLElement} root
 */
export function refetchSchema(root) {
  const button = root.querySelector('button[aria-label^="Re-fetch GraphQL schema"]');
  if (button instanceof HTMLElement) button.click();
}

/** @returns {Storage} */
function memoryStorage() {
  /** @type {Map<string, string>} */
  const items = new Map();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}
