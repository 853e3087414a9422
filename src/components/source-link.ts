// Links from any figure to the line it was printed on: /source?doc=<doc_id>#L<n>
// (or #L<a>-L<b> for a range), and to a document's page: /document?doc=<doc_id>.
// One page each (src/source.md, src/document.md) takes the id from the URL.
// Built with h(): text is never parsed as HTML.
import {h} from "./dom.js";

export type Lines = number | readonly number[] | null | undefined;

/** The lines as [first, last], or null when there are none. */
export function lineRange(lines: Lines): [number, number] | null {
  const list = (typeof lines === "number" ? [lines] : [...(lines ?? [])]).filter((n) => Number.isInteger(n) && n > 0);
  if (list.length === 0) return null;
  return [Math.min(...list), Math.max(...list)];
}

/** The URL of a document's source page, scrolled to a line or range, relative to the site root. */
export function sourceHref(docId: string, lines?: Lines, root = ""): string {
  const base = `${root}/source?doc=${encodeURIComponent(docId)}`;
  const range = lineRange(lines);
  if (!range) return base;
  return range[0] === range[1] ? `${base}#L${range[0]}` : `${base}#L${range[0]}-L${range[1]}`;
}

/** The URL of a document's page (its tables, figures, findings), relative to the site root. */
export function documentHref(docId: string, root = ""): string {
  return `${root}/document?doc=${encodeURIComponent(docId)}`;
}

/** Parse a `#L12` or `#L12-L20` fragment into [first, last]. */
export function parseLineHash(hash: string): [number, number] | null {
  const m = /^#?L(\d+)(?:-L?(\d+))?$/.exec(hash);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return [Math.min(a, b), Math.max(a, b)];
}

/** An <a> to the source line(s), showing `text` (or "L<n>") as plain text. */
export function sourceLink(docId: string, lines: Lines, text?: string, root = ""): HTMLAnchorElement {
  const range = lineRange(lines);
  return h("a", {
    href: sourceHref(docId, lines, root),
    className: "bn-source-link",
    text: text ?? (range ? (range[0] === range[1] ? `L${range[0]}` : `L${range[0]}–${range[1]}`) : "source"),
    title: range ? `source line${range[0] === range[1] ? "" : "s"} ${range[0] === range[1] ? range[0] : `${range[0]}–${range[1]}`}` : "source document"
  });
}
