// Citable figures: a chart or table in a <figure> with a stable anchor id, a number
// (in page order, screen and print), a caption, "copy link" and "cite" actions, and a
// source line printed under it on paper: document(s), table(s), source lines, the page
// URL and the data version. A link to a figure reopens the page scrolled to it.
import {h} from "./dom.js";
import {siteDataVersion, versionWarning} from "./version.js";

type Row = Record<string, unknown>;

export interface FigureSource {
  /** documents (entity year kind) */
  documents: string[];
  /** standard tables (table_id), if any */
  tables: string[];
  /** source lines per document: "贵州省医疗保障局（本级） 2022 决算 L245, L239" */
  lines: string[];
}

const LINE_KEYS = /^(lines|source_line|source_lines|.*_lines?)$/;
const lineKeys = new Map<string, boolean>();
/** Does a column hold source lines (memoised: the test runs once per column name, not per row)? */
const isLineKey = (key: string) => {
  let yes = lineKeys.get(key);
  if (yes === undefined) lineKeys.set(key, (yes = LINE_KEYS.test(key)));
  return yes;
};

/** Documents named one by one in a figure's source at most (their lines too); beyond, how many more. */
export const MAX_SOURCE_DOCUMENTS = 12;

/**
 * Documents, tables and lines of the rows behind a figure (doc_label or entity, table_id, every *line(s) column):
 * the first `maxDocuments` documents with their lines, then "… and N more documents".
 */
export function sourceOfRows(rows: readonly Row[], maxLines = 8, maxDocuments = MAX_SOURCE_DOCUMENTS): FigureSource {
  const documents = new Map<string, Set<number>>();
  const tables = new Set<string>();
  const others = new Set<string>();
  for (const row of rows) {
    const doc = String(row.doc_label ?? [row.entity, row.year].filter((x) => x != null).join(" ") ?? "");
    if (!doc) continue;
    if (row.table_id) tables.add(String(row.table_id));
    let lines = documents.get(doc);
    if (!lines) {
      if (documents.size >= maxDocuments) {
        others.add(doc);
        continue;
      }
      lines = new Set<number>();
      documents.set(doc, lines);
    }
    for (const key in row) {
      if (!isLineKey(key)) continue;
      const value = row[key];
      for (const n of Array.isArray(value) ? value : [value]) if (Number.isInteger(n) && (n as number) > 0) lines.add(n as number);
    }
  }
  const more = others.size;
  return {
    documents: [...documents.keys(), ...(more ? [`… and ${more.toLocaleString("en-US")} more document${more === 1 ? "" : "s"}`] : [])],
    tables: [...tables].sort(),
    lines: [...documents].filter(([, set]) => set.size).map(([doc, set]) => {
      const sorted = [...set].sort((a, b) => a - b);
      return `${doc} ${sorted.slice(0, maxLines).map((n) => `L${n}`).join(", ")}${sorted.length > maxLines ? ` +${sorted.length - maxLines} more` : ""}`;
    })
  };
}

/** The page URL of a figure: this page, the data version as ?v=, the figure as #anchor. */
export function figureUrl(anchor: string, href = location.href, version = siteDataVersion()): string {
  const url = new URL(href);
  url.hash = anchor;
  if (version) url.searchParams.set("v", version);
  return url.href;
}

/** A citation: title, page, documents, tables, lines, URL, data version, date. */
export function citation({title, kind, page, source, url, version, date = new Date()}: {title: string; kind: string; page: string; source: FigureSource; url: string; version: string; date?: Date}): string {
  return [
    `${title}. ${kind} on “${page}”, Budget notebooks.`,
    source.documents.length ? `Documents: ${source.documents.join("; ")}.` : "",
    source.tables.length ? `Tables: ${source.tables.join(", ")}.` : "",
    source.lines.length ? `Source lines: ${source.lines.join("; ")}.` : "",
    `${url}`,
    `Data version ${version || "unknown"}; accessed ${date.toISOString().slice(0, 10)}.`
  ]
    .filter(Boolean)
    .join(" ");
}

async function copy(text: string, button: HTMLButtonElement, label: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied ✓";
  } catch {
    button.textContent = "Select and copy ↓";
  }
  setTimeout(() => (button.textContent = label), 1500);
}

/** Scrolls to the figure once it, every section queued on the page (section.ts) and every chart have rendered, if the URL names it. */
function scrollWhenNamed(figure: HTMLElement): void {
  if (typeof location === "undefined" || decodeURIComponent(location.hash.slice(1)) !== figure.id) return;
  const tryScroll = async (attempt = 0): Promise<void> => {
    if (!figure.isConnected || document.querySelector(".bn-section-slot.bn-loading")) {
      if (attempt < 600) requestAnimationFrame(() => void tryScroll(attempt + 1));
      return;
    }
    const charts = [...document.querySelectorAll<HTMLElement & {ready?: Promise<unknown>}>(".bn-chart")];
    await Promise.allSettled(charts.map((c) => c.ready));
    figure.closest("details")?.setAttribute("open", ""); // a collapsed table (section.ts)
    figure.scrollIntoView({block: "start"});
    figure.classList.add("bn-figure-target");
    figure.dataset.scrolled = "true";
  };
  void tryScroll();
}

let renumbering = false;

/** Numbers every figure and table of the page in document order (Figure 1., Table 1., …), once the page has drawn them. */
function renumber(): void {
  if (renumbering || typeof requestAnimationFrame === "undefined") return;
  renumbering = true;
  requestAnimationFrame(() => {
    renumbering = false;
    for (const [kind, label] of [["figure", "Figure"], ["table", "Table"]] as const) {
      document.querySelectorAll(`figure.bn-figure-${kind} > figcaption > .bn-figure-number`).forEach((el, i) => (el.textContent = `${label} ${i + 1}.`));
    }
  });
}

/** Once per page: a figure link made on other data (?v=…) gets a warning at the top of the page. */
function warnOnOtherData(): void {
  if (typeof document === "undefined" || document.getElementById("bn-page-version-warning")) return;
  const warning = versionWarning(new URL(location.href).searchParams.get("v"));
  if (!warning) return;
  warning.id = "bn-page-version-warning";
  document.getElementById("observablehq-main")?.prepend(warning);
}

export interface CitableOptions {
  /** the anchor: stable, from the figure's role on the page (not its position) */
  id: string;
  kind: "figure" | "table";
  title: string;
  /** the rows behind it, for its source */
  rows: readonly Row[];
}

/** `content` (a chart or a table) as a citable, numbered figure. */
export function citable(content: HTMLElement, {id, kind, title, rows}: CitableOptions): HTMLElement {
  const page = typeof document === "undefined" ? "" : document.title.replace(/ \|.*$/, "");
  const version = siteDataVersion();
  const source = sourceOfRows(rows);
  const url = () => figureUrl(id);
  const linkButton = h("button", {type: "button", className: "bn-figure-link", text: "copy link", title: "a link that reopens this page at this figure"});
  const citeButton = h("button", {type: "button", className: "bn-figure-cite", text: "cite", title: "documents, tables, source lines, URL and data version"});
  const citeBox = h("textarea", {className: "bn-figure-citation", readOnly: true, rows: 4, hidden: true, "aria-label": "citation"});
  const kindLabel = kind === "figure" ? "Figure" : "Table";
  linkButton.addEventListener("click", () => void copy(url(), linkButton, "copy link"));
  citeButton.addEventListener("click", () => {
    citeBox.value = citation({title, kind: kindLabel, page, source, url: url(), version});
    citeBox.hidden = false;
    citeBox.select();
    void copy(citeBox.value, citeButton, "cite");
  });
  const printed = [
    source.documents.length ? `Source: ${source.documents.join("; ")}` : "Source: Budget notebooks",
    source.tables.length ? `tables ${source.tables.join(", ")}` : "",
    source.lines.length ? `lines ${source.lines.join("; ")}` : "",
    `${url()}`,
    `data version ${version}`
  ].filter(Boolean);
  const figure = h(
    "figure",
    {className: `bn-figure bn-figure-${kind}`, id, data: {kind}},
    h(
      "figcaption",
      {},
      h("span", {className: "bn-figure-number", text: `${kindLabel}.`}),
      h("span", {className: "bn-figure-title", text: title}),
      h("span", {className: "bn-figure-actions"}, linkButton, citeButton)
    ),
    citeBox,
    content,
    h("p", {className: "bn-figure-source", text: printed.join(" · ")})
  );
  scrollWhenNamed(figure);
  warnOnOtherData();
  renumber();
  return figure;
}
