/**
 * The few DOM helpers the sidebar needs. Everything from the server is data:
 * it is written with textContent and element properties, never parsed as
 * HTML (no innerHTML, insertAdjacentHTML or outerHTML anywhere).
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`The page has no #${id}`);
  return el as T;
}

/** A new element with text; `className` optional. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** Replaces an element's children. */
export function fill(parent: HTMLElement, children: readonly Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const c of children) parent.appendChild(c);
}

/**
 * Fills a <select> with a first "choose" option and keeps the choice if it is
 * still offered; with `pickOnly`, a single option is chosen for the officer.
 */
export function setOptions(
  select: HTMLSelectElement,
  placeholder: string,
  options: ReadonlyArray<{ value: string; label: string }>,
  keep: string,
  pickOnly = false,
): void {
  const nodes: Node[] = [];
  const first = el('option', placeholder);
  first.value = '';
  nodes.push(first);
  for (const o of options) {
    const option = el('option', o.label);
    option.value = o.value;
    nodes.push(option);
  }
  fill(select, nodes);
  const offered = options.some((o) => o.value === keep);
  select.value = offered ? keep : pickOnly && options.length === 1 ? options[0].value : '';
}

/** Fills a <datalist> with suggestions. */
export function setSuggestions(list: HTMLDataListElement, values: readonly string[]): void {
  fill(
    list,
    values.map((v) => {
      const option = el('option');
      option.value = v;
      return option;
    }),
  );
}

/** Sets text only when it changes, so a live region does not repeat itself. */
export function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** A link target that downloads `text` as a file (a data: URL needs no object URL to revoke). */
export function downloadHref(text: string, type: string): string {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}
