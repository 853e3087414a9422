// Tiny DOM builder for the analysis pages. Text is always set as text (textContent or
// text nodes); attributes with setAttribute. Nothing here parses HTML.

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  className?: string;
  text?: string;
  title?: string;
  id?: string;
  href?: string;
  data?: Record<string, string | number | boolean | null | undefined>;
  attrs?: Record<string, string>;
}

/** Creates an element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.href !== undefined) el.setAttribute("href", props.href);
  if (props.data) for (const [key, value] of Object.entries(props.data)) if (value != null) el.dataset[key] = String(value);
  if (props.attrs) for (const [key, value] of Object.entries(props.attrs)) el.setAttribute(key, value);
  if (props.text !== undefined) el.textContent = props.text;
  append(el, children);
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}
