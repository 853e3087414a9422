// A document's decoded text with line numbers, for /source?doc=<doc_id>.
//
// Built for 12,000+ lines: every line is created once into a DocumentFragment, text is
// set with textContent (a line reading `<img src=x onerror=…>` shows literally), and there
// are no per-line listeners: the line numbers are plain links (#L123) and one delegated
// listener handles shift-click ranges. `#L123` / `#L120-L125` highlight and scroll, on
// load and on every hashchange (no reload).
import {parseLineHash} from "./source-link.js";

export interface LineMark {
  /** numbers of the standard tables (line_items) */
  items: number;
  /** figures in the prose (narrative_facts) */
  facts: number;
  /** performance indicators and project rows (performance_indicators / performance_projects) */
  performance: number;
  /** audit findings that name this line (checks.source_lines) */
  checks: string[];
}

export type SourceViewElement = HTMLDivElement & {
  /** Number of lines. */
  lineCount: number;
  /** The element of line n (1-based). */
  line(n: number): HTMLElement | undefined;
  /** Highlights [first, last] (clamped) and scrolls the first line into view; null clears. */
  highlight(range: [number, number] | null, scroll?: boolean): void;
  /** Reads location.hash and highlights it. */
  applyHash(scroll?: boolean): void;
  /** Adds the margin markers. */
  setMarks(marks: Map<number, LineMark>): void;
  /** Removes the window listener. */
  dispose(): void;
};

const CHUNK = 200;

export interface SourceViewOptions {
  /**
   * For a PDF document: the address of page n of the original PDF. Its page
   * markers (`=== PAGE n ===`, the k-th reading k) become separators with a
   * "page n of the PDF" link.
   */
  pageHref?: (page: number) => string;
}

/** The line numbers of a PDF text's page markers, by page: the k-th marker reads `=== PAGE k ===`. */
export function pageMarkers(lines: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  lines.forEach((line, i) => {
    if (line === `=== PAGE ${out.size + 1} ===`) out.set(i + 1, out.size + 1);
  });
  return out;
}

export function sourceView(text: string, options: SourceViewOptions = {}): SourceViewElement {
  const lines = text.split("\n");
  const markers = options.pageHref ? pageMarkers(lines) : new Map<number, number>();
  const root = document.createElement("div") as SourceViewElement;
  root.className = "bn-source";
  root.style.setProperty("--bn-ln-width", `${String(lines.length).length + 1}ch`);
  // Lines go into chunks of CHUNK lines that the browser lays out only when near the
  // viewport (content-visibility: auto): 12,000 lines paint in a fraction of the time.
  const fragment = document.createDocumentFragment();
  const elements: HTMLElement[] = new Array(lines.length);
  let chunk: HTMLDivElement | undefined;
  for (let i = 0; i < lines.length; ++i) {
    if (i % CHUNK === 0) {
      chunk = document.createElement("div");
      chunk.className = "bn-src-chunk";
      chunk.style.containIntrinsicSize = `auto ${Math.min(CHUNK, lines.length - i) * 1.55}em`;
      fragment.append(chunk);
    }
    const n = i + 1;
    const row = document.createElement("div");
    row.className = "bn-src-line";
    row.dataset.n = String(n);
    const number = document.createElement("a");
    number.className = "bn-src-ln";
    number.href = `#L${n}`;
    number.textContent = String(n);
    const mark = document.createElement("span");
    mark.className = "bn-src-mark";
    const content = document.createElement("span");
    content.className = "bn-src-text";
    content.textContent = lines[i];
    const page = markers.get(n);
    if (page !== undefined && options.pageHref) {
      row.classList.add("bn-src-page");
      const link = document.createElement("a");
      link.className = "bn-src-pdf";
      link.href = options.pageHref(page);
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = `page ${page} of the PDF`;
      content.append(" ", link);
    }
    row.append(number, mark, content);
    chunk!.append(row);
    elements[i] = row;
  }
  root.append(fragment);
  root.lineCount = lines.length;
  root.line = (n) => elements[n - 1];

  let highlighted: HTMLElement[] = [];
  let anchor: number | null = null;
  root.highlight = (range, scroll = true) => {
    for (const el of highlighted) el.classList.remove("bn-src-hl", "bn-src-hl-first", "bn-src-hl-last");
    highlighted = [];
    if (!range) return;
    const first = Math.max(1, Math.min(range[0], lines.length));
    const last = Math.max(first, Math.min(range[1], lines.length));
    for (let n = first; n <= last; ++n) {
      const el = elements[n - 1];
      el.classList.add("bn-src-hl");
      highlighted.push(el);
    }
    elements[first - 1].classList.add("bn-src-hl-first");
    elements[last - 1].classList.add("bn-src-hl-last");
    anchor = first;
    root.dataset.highlight = first === last ? String(first) : `${first}-${last}`;
    if (scroll) elements[first - 1].scrollIntoView({block: last - first > 20 ? "start" : "center"});
  };
  root.applyHash = (scroll = true) => root.highlight(parseLineHash(location.hash), scroll);

  // Shift-click on a line number selects a range from the last highlighted line.
  root.addEventListener("click", (event) => {
    const target = (event.target as Element).closest?.("a.bn-src-ln");
    if (!target || !root.contains(target)) return;
    const n = Number((target.parentElement as HTMLElement).dataset.n);
    if (event.shiftKey && anchor != null && n !== anchor) {
      event.preventDefault();
      location.hash = `#L${Math.min(anchor, n)}-L${Math.max(anchor, n)}`;
    }
  });
  const onHashChange = () => root.applyHash(true);
  addEventListener("hashchange", onHashChange);
  root.dispose = () => removeEventListener("hashchange", onHashChange);

  root.setMarks = (marks) => {
    for (const [n, mark] of marks) {
      const el = elements[n - 1]?.children[1] as HTMLElement | undefined;
      if (!el) continue;
      const parts: string[] = [];
      const titles: string[] = [];
      if (mark.items) {
        parts.push("表");
        titles.push(`${mark.items} table number${mark.items > 1 ? "s" : ""} (line_items)`);
      }
      if (mark.facts) {
        parts.push("文");
        titles.push(`${mark.facts} prose figure${mark.facts > 1 ? "s" : ""} (narrative_facts)`);
      }
      if (mark.performance) {
        parts.push("效");
        titles.push(`${mark.performance} performance value${mark.performance > 1 ? "s" : ""} (performance_indicators / projects)`);
      }
      if (mark.checks.length) {
        parts.push("!");
        titles.push(`audit: ${mark.checks.join("; ")}`);
        elements[n - 1].classList.add("bn-src-flagged");
      }
      el.textContent = parts.join("");
      el.title = titles.join(" · ");
      el.dataset.kinds = parts.join("");
      elements[n - 1].classList.add("bn-src-has");
    }
    root.dataset.marked = String(marks.size);
  };
  return root;
}
