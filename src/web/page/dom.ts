/** A few DOM helpers for the inspector page: elements from data, never from HTML strings of user text. */

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; text children are escaped by the DOM. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The element with an id, which the page's HTML always has. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page lacks #${id}`);
  return el as T;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/**
 * A small table from rows of cells; cells marked numeric align right. It scrolls sideways in its own box on a
 * narrow screen, which takes the keyboard's focus so that the rows cut off can be reached without a mouse.
 */
export function table(head: string[], rows: (string | Node)[][], numeric: number[] = []): HTMLDivElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Table: ${head.join(', ')}` },
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h('tr', {}, ...r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : undefined }, c))),
        ),
      ),
    ),
  );
}

/** A status label. */
export function status(text: string): HTMLSpanElement {
  return h('span', { class: `status ${text}` }, text);
}
