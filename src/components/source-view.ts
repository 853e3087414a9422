// A document's decoded text with line numbers, for /source?doc=<doc_id>.
//
// A virtual scroller: the text scrolls in a box of the window's height, and only the
// lines in view (and a screenful above and below) are in the DOM, so a document of
// 12,000 or 200,000 lines costs the same and the page stays one screen tall. Lines keep
// wrapping: each line's height is estimated from its width in columns until it has
// been drawn, then measured (line-window.ts), and the line at the top of the box stays
// put when the heights above it are corrected.
//
// `#L123` / `#L120-L125` draw the lines, highlight them and scroll them into view, on
// load and on every hashchange (no reload); shift-click on a line number selects a
// range. Find (a box above the text) jumps from match to match through the same hash,
// and a PDF document's page list jumps to the page's first line. Printing (the browser's
// print, "Download PDF", or print media) draws every line in the flow of the page for
// as long as it prints (onPrint in table.ts), so the whole text is on paper.
//
// Text is set with textContent (a line reading `<img src=x onerror=…>` shows literally);
// there are no per-line listeners.
import {h} from "./dom.js";
import {columns, LineWindow} from "./line-window.js";
import {parseLineHash} from "./source-link.js";
import {onPrint} from "./table.js";

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
  /** The element of line n (1-based) when it is drawn, else undefined. */
  line(n: number): HTMLElement | undefined;
  /** Draws line n (1-based, clamped) and scrolls it into view ("center" or "start" of the box); `reveal` scrolls the page too when the box is not wholly on screen. */
  scrollToLine(n: number, block?: "center" | "start", reveal?: boolean): HTMLElement | undefined;
  /** Highlights [first, last] (clamped) and scrolls the first line into view; null clears. */
  highlight(range: [number, number] | null, scroll?: boolean): void;
  /** Reads location.hash and highlights it. */
  applyHash(scroll?: boolean): void;
  /** Adds the margin markers. */
  setMarks(marks: Map<number, LineMark>): void;
  /** Removes the window listeners. */
  dispose(): void;
};

export interface SourceViewOptions {
  /**
   * For a PDF document: the address of page n of the original PDF. Its page
   * markers (`=== PAGE n ===`, the k-th reading k) become separators with a
   * "page n of the PDF" link, and a page list jumps to them.
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

/** The 1-based numbers of the lines that contain `query` (case-insensitive), in order. */
export function findLines(lines: readonly string[], query: string): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (line.toLowerCase().includes(q)) out.push(i + 1);
  });
  return out;
}

/** px drawn above and below the box's visible part. */
const OVERSCAN = 600;

export function sourceView(text: string, options: SourceViewOptions = {}): SourceViewElement {
  const lines = text.split("\n");
  const markers = options.pageHref ? pageMarkers(lines) : new Map<number, number>();
  const root = document.createElement("div") as SourceViewElement;
  root.className = "bn-source";
  root.style.setProperty("--bn-ln-width", `${String(lines.length).length + 1}ch`);
  root.lineCount = lines.length;
  root.dataset.lines = String(lines.length);
  if (markers.size) root.dataset.pages = String(markers.size);

  const viewport = h("div", {className: "bn-src-viewport", attrs: {tabindex: "0", role: "region", "aria-label": "document text"}});
  const sizer = h("div", {className: "bn-src-sizer"});
  const win = h("div", {className: "bn-src-window"});
  sizer.append(win);
  viewport.append(sizer);

  // ---- lines ----
  let marks = new Map<number, LineMark>();
  let range: [number, number] | null = null;
  const drawn = new Map<number, HTMLElement>(); // 1-based line → element

  function decorate(row: HTMLElement, n: number): void {
    const inRange = range != null && n >= range[0] && n <= range[1];
    row.classList.toggle("bn-src-hl", inRange);
    row.classList.toggle("bn-src-hl-first", inRange && n === range![0]);
    row.classList.toggle("bn-src-hl-last", inRange && n === range![1]);
    const mark = marks.get(n);
    const el = row.children[1] as HTMLElement;
    if (!mark) return;
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
      row.classList.add("bn-src-flagged");
    }
    el.textContent = parts.join("");
    el.title = titles.join(" · ");
    el.dataset.kinds = parts.join("");
    row.classList.add("bn-src-has");
  }

  function makeRow(n: number): HTMLElement {
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
    content.textContent = lines[n - 1];
    const page = markers.get(n);
    if (page !== undefined && options.pageHref) {
      row.classList.add("bn-src-page");
      content.append(" ", h("a", {className: "bn-src-pdf", href: options.pageHref(page), target: "_blank", rel: "noopener", text: `page ${page} of the PDF`}));
    }
    row.append(number, mark, content);
    decorate(row, n);
    return row;
  }

  // ---- geometry: estimated heights until drawn ----
  let lineHeight = 20;
  let charWidth = 7.8;
  let textWidth = 0;
  const estimate = (i: number) => {
    const cols = textWidth > 0 ? Math.max(1, Math.floor(textWidth / charWidth)) : 1000;
    const rows = Math.max(1, Math.ceil(columns(lines[i]) / cols) + (markers.has(i + 1) ? 1 : 0));
    return rows * lineHeight;
  };
  const geometry = new LineWindow(lines.length, estimate);
  let measuredWidth = -1;
  let printing = false;

  /** Reads the font metrics and the text column's width (once laid out); re-estimates when the width changed. */
  function calibrate(): boolean {
    const width = viewport.clientWidth;
    if (!width || width === measuredWidth) return width > 0;
    measuredWidth = width;
    const probe = makeRow(1);
    probe.className = "bn-src-line";
    probe.style.visibility = "hidden";
    probe.style.position = "absolute";
    (probe.children[2] as HTMLElement).textContent = "0";
    win.append(probe);
    lineHeight = probe.getBoundingClientRect().height || lineHeight;
    const text = probe.children[2] as HTMLElement;
    text.textContent = "0".repeat(100);
    text.style.whiteSpace = "pre";
    text.style.width = "max-content";
    charWidth = text.getBoundingClientRect().width / 100 || charWidth;
    text.style.width = "";
    text.style.whiteSpace = "";
    textWidth = text.getBoundingClientRect().width;
    probe.remove();
    for (const el of drawn.values()) el.remove();
    drawn.clear();
    geometry.reestimate(estimate);
    return true;
  }

  /** Draws the lines in view; corrects the estimates of those drawn, keeping the line at the top of the box in place. */
  function render(): void {
    if (printing || !calibrate()) return;
    for (let pass = 0; pass < 4; ++pass) {
      const scrollTop = viewport.scrollTop;
      const anchor = geometry.indexAt(scrollTop);
      const anchorOffset = geometry.top(anchor) - scrollTop;
      const [first, last] = geometry.range(scrollTop, viewport.clientHeight, OVERSCAN);
      for (const [n, el] of drawn) {
        if (n - 1 < first || n - 1 > last) {
          el.remove();
          drawn.delete(n);
        }
      }
      const rows: HTMLElement[] = [];
      for (let i = first; i <= last; ++i) {
        let el = drawn.get(i + 1);
        if (!el) drawn.set(i + 1, (el = makeRow(i + 1)));
        rows.push(el);
      }
      win.replaceChildren(...rows);
      win.style.top = `${geometry.top(first)}px`;
      let changed = false;
      rows.forEach((el, k) => {
        if (geometry.measure(first + k, el.getBoundingClientRect().height)) changed = true;
      });
      sizer.style.height = `${geometry.total}px`;
      win.style.top = `${geometry.top(first)}px`;
      if (!changed) break;
      const target = geometry.top(anchor) - anchorOffset;
      if (Math.abs(viewport.scrollTop - target) >= 1) viewport.scrollTop = target;
    }
    root.dataset.drawn = `${win.firstElementChild ? (win.firstElementChild as HTMLElement).dataset.n : 0}-${win.lastElementChild ? (win.lastElementChild as HTMLElement).dataset.n : 0}`;
  }

  root.line = (n) => drawn.get(n);

  root.scrollToLine = (n, block = "center", reveal = true) => {
    const index = Math.max(0, Math.min(n, lines.length) - 1);
    if (printing) {
      const el = win.children[index] as HTMLElement | undefined;
      el?.scrollIntoView({block});
      return el;
    }
    if (!calibrate()) return undefined;
    // Place the line, draw around it, and again once the drawn heights are known.
    for (let pass = 0; pass < 3; ++pass) {
      const offset = block === "center" ? (viewport.clientHeight - geometry.heights[index]) / 2 : 0;
      const target = Math.max(0, geometry.top(index) - offset);
      if (pass > 0 && Math.abs(viewport.scrollTop - target) < 1) break;
      viewport.scrollTop = target;
      render();
    }
    const el = drawn.get(index + 1);
    // The box itself into the window's view (the line is placed within the box already):
    // its bottom a little above the window's, which leaves room for a sticky page header.
    const box = root.getBoundingClientRect();
    if (reveal && (box.top < 0 || box.bottom > innerHeight)) scrollBy({top: box.bottom - innerHeight + 12, behavior: "instant"});
    return el;
  };

  let anchor: number | null = null;
  root.highlight = (next, scroll = true) => {
    range = next ? [Math.max(1, Math.min(next[0], lines.length)), 0] : null;
    if (range && next) range[1] = Math.max(range[0], Math.min(next[1], lines.length));
    const rows = printing ? (Array.from(win.children) as HTMLElement[]) : [...drawn.values()];
    for (const el of rows) decorate(el, Number(el.dataset.n));
    if (!range || !scroll) render();
    if (!range) {
      delete root.dataset.highlight;
      return;
    }
    const [first, last] = range;
    anchor = first;
    root.dataset.highlight = first === last ? String(first) : `${first}-${last}`;
    if (scroll) root.scrollToLine(first, last - first > 20 ? "start" : "center");
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
  viewport.addEventListener("scroll", () => render(), {passive: true});
  const resize = new ResizeObserver(() => {
    if (printing || !viewport.clientWidth || viewport.clientWidth === measuredWidth) return;
    const first = measuredWidth < 0;
    const top = geometry.indexAt(viewport.scrollTop) + 1;
    render();
    if (!first) root.scrollToLine(top, "start", false);
  });
  resize.observe(viewport);
  const onHashChange = () => root.applyHash(true);
  addEventListener("hashchange", onHashChange);
  root.dispose = () => {
    removeEventListener("hashchange", onHashChange);
    resize.disconnect();
  };

  root.setMarks = (next) => {
    marks = next;
    const rows = printing ? (Array.from(win.children) as HTMLElement[]) : [...drawn.values()];
    for (const el of rows) decorate(el, Number(el.dataset.n));
    root.dataset.marked = String(marks.size);
  };

  // ---- tools: find, and a PDF's pages ----
  const find = h("input", {type: "search", className: "bn-src-find", placeholder: "Find in the text", attrs: {"aria-label": "find in the text"}});
  const findStatus = h("span", {className: "bn-src-find-status"});
  let matches: number[] = [];
  let matchedQuery = "";
  const jump = (step: 1 | -1) => {
    if (find.value !== matchedQuery) {
      matchedQuery = find.value;
      matches = findLines(lines, matchedQuery);
    }
    if (!matches.length) {
      findStatus.textContent = matchedQuery.trim() ? "no line contains it" : "";
      return;
    }
    const from = anchor ?? 0;
    let k = step > 0 ? matches.findIndex((n) => n > from) : matches.length - 1 - [...matches].reverse().findIndex((n) => n < from);
    if (k < 0 || k >= matches.length) k = step > 0 ? 0 : matches.length - 1;
    findStatus.textContent = `line ${matches[k]} · match ${k + 1} of ${matches.length}`;
    location.hash = `#L${matches[k]}`;
  };
  find.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    jump(event.shiftKey ? -1 : 1);
  });
  const button = (text: string, title: string, step: 1 | -1) => {
    const b = h("button", {type: "button", text, title, attrs: {"aria-label": title}});
    b.addEventListener("click", () => jump(step));
    return b;
  };
  const tools = h(
    "div",
    {className: "bn-src-tools"},
    find,
    button("↓", "next line that contains it", 1),
    button("↑", "previous line that contains it", -1),
    findStatus
  );
  if (markers.size) {
    const pages = h(
      "select",
      {className: "bn-src-pages", attrs: {"aria-label": "go to a page of the PDF"}},
      h("option", {value: "", text: "go to page…"}),
      [...markers].map(([line, page]) => h("option", {value: String(line), text: `page ${page} (line ${line})`}))
    );
    pages.addEventListener("change", () => {
      if (pages.value) location.hash = `#L${pages.value}`;
      pages.value = "";
    });
    tools.append(pages);
  }
  tools.append(h("span", {className: "bn-src-hint", text: "the text scrolls in its box; printing prints every line"}));
  root.append(tools, viewport);

  // Printed, every line is in the flow of the page; back on screen, the window again.
  onPrint(root, (print) => {
    if (print === printing) return;
    const top = geometry.indexAt(viewport.scrollTop) + 1;
    printing = print;
    root.classList.toggle("bn-src-printing", print);
    drawn.clear();
    if (print) {
      const fragment = document.createDocumentFragment();
      for (let n = 1; n <= lines.length; ++n) fragment.append(makeRow(n));
      win.replaceChildren(fragment);
    } else {
      win.replaceChildren();
      measuredWidth = -1;
      render();
      root.scrollToLine(top, "start", false);
    }
  });
  return root;
}
