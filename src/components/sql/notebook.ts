// Notebooks as Framework pages for src/notebooks/: "Save as notebook" in the workbench
// and "Export" on the notebook page both write them here. Pure string building (tested
// in Node). The notebook goes into the page as a JSON string (with "<" escaped, so it
// cannot close the inline <script>); the title is HTML-escaped (and "$" too, so
// Framework does not read "${…}" as an expression).
import type {ChartChoices} from "./chart-spec.js";
import {encodeNotebook, type Cell, type Notebook} from "../notebook/state.js";
import {encodeState} from "./share.js";

/** The corpus tables (src/components/corpus.ts ARROW_URLS; a test keeps them in step). */
export const CORPUS_TABLE_NAMES = [
  "documents",
  "tables",
  "line_items",
  "narrative_facts",
  "performance_projects",
  "performance_indicators",
  "checks",
  "classifications",
  "residue",
  "entities",
  "panel"
] as const;

/** The query without its comments and string literals (what can name a table). */
export function sqlIdentifiersText(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*(?:'|$)/g, " ");
}

/**
 * The corpus tables a query reads: every corpus table named outside comments and string
 * literals (bare or "quoted"), in CORPUS_TABLE_NAMES order. None for a query that names
 * none (SELECT 1): the workbench loads only these.
 */
export function tablesIn(sql: string): string[] {
  const text = sqlIdentifiersText(sql);
  return CORPUS_TABLE_NAMES.filter((name) => new RegExp(`(?<![\\w$])"?${name}"?(?![\\w$])`, "i").test(text));
}

/** Escapes text for Markdown/HTML so it shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>"'`$*_\\[\]#|~{}]/g, (ch) => `&#${ch.codePointAt(0)};`);
}

/** A file name for the page: ASCII slug of the title, else "query-<date>". */
export function notebookFileName(title: string, date = new Date()): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || `query-${date.toISOString().slice(0, 10)}`}.md`;
}

function jsString(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

export interface NotebookInput {
  title: string;
  sql: string;
  chart?: Partial<ChartChoices>;
  /** a sentence or two about what the query answers */
  description?: string;
  date?: Date;
}

/** The workbench's query and chart as a notebook: text (if any), the query (q1), its chart. */
export function workbenchNotebook({title, sql, chart, description}: NotebookInput, version?: string): Notebook {
  const cells: Cell[] = [];
  if (description) cells.push({id: "c1", kind: "md", text: description});
  cells.push({id: "c2", kind: "sql", name: "q1", sql});
  cells.push({id: "c3", kind: "chart", source: "q1", mark: chart?.mark ?? "bar", x: chart?.x, y: chart?.y, color: chart?.color, facet: chart?.facet});
  return {title, cells, ...(version ? {v: version} : {})};
}

/** "Save as notebook" in the workbench: the page of workbenchNotebook(). */
export function notebookMarkdown(input: NotebookInput, version?: string): string {
  const link = `../sql#${encodeState({sql: input.sql, ...input.chart})}`;
  return notebookPage(workbenchNotebook(input, version), {date: input.date, from: `the [SQL workbench](<${link}>)`});
}

/**
 * A notebook as a Framework page for src/notebooks/: the notebook itself as an inert JSON
 * string (NOTEBOOK, which the notebook page opens again), each SQL cell's query shown in
 * a fence it cannot close, and one block per cell that renders it through
 * notebook/run.ts — the same code as the notebook page, so the same figures.
 */
export function notebookPage(notebook: Notebook, {date = new Date(), from = "the [notebook page](<../notebook>)"}: {date?: Date; from?: string} = {}): string {
  const title = notebook.title.replace(/[\r\n]+/g, " ").trim() || "Notebook";
  const tables = [...new Set(notebook.cells.flatMap((c) => (c.kind === "sql" ? tablesIn(c.sql) : [])))].sort();
  const blocks = notebook.cells.map((cell, i) => {
    const show = `\`\`\`js\ndisplay(cellOutput(NOTEBOOK.cells[${i}], results, width));\n\`\`\``;
    if (cell.kind !== "sql") return show;
    const f = fence(cell.sql);
    return `${f}sql run=false\n${cell.sql}\n${f}\n\n${show}`;
  });
  return `---
title: ${JSON.stringify(title)}
toc: false
---

# ${escapeMarkdown(title)}

Made in ${from} on ${date.toISOString().slice(0, 10)}${notebook.v ? ` over data version ${escapeMarkdown(notebook.v)}` : ""}. The queries run in your browser (DuckDB-WASM) over the corpus tables (${tables.join(", ") || "none"}); a quoted figure or a row with \`doc_id\` and \`source_line\` links to the line it was read from. [Open in the notebook editor](<../notebook#${encodeNotebook(notebook)}>).

\`\`\`js
import {cellOutput, runNotebook} from "../components/notebook/run.js";
import {versionWarning} from "../components/version.js";

const NOTEBOOK = ${jsString(notebook)};
const warning = versionWarning(NOTEBOOK.v);
if (warning) display(warning);
const results = await runNotebook(NOTEBOOK);
\`\`\`

${blocks.join("\n\n")}
`;
}
