// Shared pieces of the analysis pages: links to source lines, badges, notes and document
// titles (the document picker is the faceted search, facets.ts). Everything is built with h() (dom.ts): text is always set as text.
import {h} from "./dom.js";
import {sourceLink} from "./source-link.js";

/** A link to a source line showing `text`; plain text when there is no line. */
export function lineLink(docId: string, lines: number | number[] | null | undefined, text: string, title?: string): Node {
  const list = typeof lines === "number" ? [lines] : (lines ?? []);
  if (!text) return document.createTextNode("");
  if (!list.some((n) => Number.isInteger(n) && n > 0)) return document.createTextNode(text);
  const a = sourceLink(docId, list, text);
  if (title) a.title = `${title} · ${a.title}`;
  return a;
}

/** One link per line ("L12 L14"), for lists of lines. */
export function lineLinks(docId: string, lines: number[], max = 12): HTMLElement {
  const span = h("span", {className: "bn-lines"});
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  unique.slice(0, max).forEach((n, i) => span.append(i ? " " : "", sourceLink(docId, n))); // spaces let the list wrap
  if (unique.length > max) span.append(` +${unique.length - max}`);
  return span;
}

export function badge(text: string, className: string, title?: string): HTMLElement {
  return h("span", {className: `bn-badge ${className}`, text, title});
}

export function severityBadge(severity: string): HTMLElement {
  return badge(severity, `bn-sev-${severity}`);
}

/** A muted note paragraph (comparability, provenance). */
export function note(text: string): HTMLParagraphElement {
  return h("p", {className: "bn-note", text});
}

/** The title of a document as one line: 达州市医疗保障局（汇总） 2023 决算. */
export function docTitle(doc: Record<string, unknown> | undefined, fallback = ""): string {
  if (!doc) return fallback;
  const kind = doc.kind === "budget" ? "预算" : doc.kind === "final" ? "决算" : "";
  return [doc.entity ?? doc.source_file, doc.year, kind].filter((x) => x != null && x !== "").join(" ");
}
