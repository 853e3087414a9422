// The one DOM builder of the site: h(tag, props, ...children). Text is always set as
// text (textContent or text nodes); attributes with setAttribute; other props as DOM
// properties (type, value, disabled…). Nothing here parses HTML: innerHTML and
// outerHTML are refused.

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  className?: string;
  text?: string;
  /** same as text */
  textContent?: string;
  title?: string;
  id?: string;
  href?: string;
  data?: Record<string, string | number | boolean | null | undefined>;
  attrs?: Record<string, string>;
  /** any other DOM property: type, value, disabled, download, placeholder… ("data-*", "aria-*" and role become attributes) */
  [property: string]: unknown;
}

const HANDLED = new Set(["className", "text", "textContent", "title", "id", "href", "data", "attrs"]);

/** Creates an element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.href !== undefined) el.setAttribute("href", props.href);
  if (props.data) for (const [key, value] of Object.entries(props.data)) if (value != null) el.dataset[key] = String(value);
  if (props.attrs) for (const [key, value] of Object.entries(props.attrs)) el.setAttribute(key, value);
  for (const [key, value] of Object.entries(props)) {
    if (HANDLED.has(key) || value === undefined) continue;
    if (key === "innerHTML" || key === "outerHTML") throw new Error(`h(): ${key} is not allowed (text is set as text)`);
    if (key.startsWith("data-") || key.startsWith("aria-") || key === "role") el.setAttribute(key, String(value));
    else (el as unknown as Record<string, unknown>)[key] = value;
  }
  const text = props.text ?? props.textContent;
  if (text !== undefined) el.textContent = text;
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

/** Saves bytes or text as a file (a temporary object URL clicked through a hidden <a download>). */
export function download(bytes: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], {type}));
  const a = h("a", {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A visible error element. The message is set as text (never parsed as HTML). */
export function errorBox(error: unknown): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "bn-error";
  box.setAttribute("role", "alert");
  box.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return box;
}
