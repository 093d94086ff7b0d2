// @ts-check

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * One element, with attributes, `on<event>` listeners and children; text is always set as
 * text, never parsed as HTML, so data from the graph cannot inject markup.
 * @param {string} tag
 * @param {Record<string, string | boolean | EventListener | undefined>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/**
 * Replaces an element's children.
 * @param {Element} element
 * @param {...(Child | Child[])} children
 */
export function replaceChildren(element, ...children) {
  element.replaceChildren(
    ...children
      .flat()
      .filter((child) => child !== null && child !== undefined && child !== false)
      .map((child) =>
        typeof child === 'number' ? String(child) : /** @type {Node | string} */ (child),
      ),
  );
}
