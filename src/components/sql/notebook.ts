// "Save as notebook": the current query and chart as a Framework Markdown page that
// runs as-is in src/notebooks/. Pure string building (tested in Node). The query goes
// into the page as a JSON string (with "<" escaped, so it cannot close the inline
// <script>); the title and any text are HTML-escaped (and "$" too, so Framework does
// not read "${…}" as an expression).
import type {ChartChoices} from "./chart-spec.js";
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

/** The corpus tables a query names (all of them when it names none). */
export function tablesIn(sql: string): string[] {
  const named = CORPUS_TABLE_NAMES.filter((name) => new RegExp(`\\b${name}\\b`, "i").test(sql));
  return named.length ? named : [...CORPUS_TABLE_NAMES];
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

export function notebookMarkdown({title, sql, chart, description, date = new Date()}: NotebookInput): string {
  const cleanTitle = title.replace(/[\r\n]+/g, " ").trim() || "Query";
  const choices: Partial<ChartChoices> = {};
  for (const key of ["mark", "x", "y", "color", "facet"] as const) if (chart?.[key]) choices[key] = chart[key] as never;
  const link = `../sql#${encodeState({sql, ...choices})}`;
  const sqlFence = fence(sql);
  return `---
title: ${JSON.stringify(cleanTitle)}
toc: false
---

# ${escapeMarkdown(cleanTitle)}

${description ? `${escapeMarkdown(description)}\n\n` : ""}Saved from the [SQL workbench](<${link}>) on ${date.toISOString().slice(0, 10)}. The query runs in your browser (DuckDB-WASM) over the corpus tables; where the result has \`doc_id\` and \`source_line\`, each row links to the line it was read from.

${sqlFence}sql run=false
${sql}
${sqlFence}

\`\`\`js
import {loadCorpus} from "../components/corpus.js";
import {runQuery} from "../components/sql/results.js";

const SQL = ${jsString(sql)};
const CHART = ${jsString({mark: "bar", ...choices})};
await loadCorpus(${jsString(tablesIn(sql))});
const result = await runQuery(SQL);
\`\`\`

\`\`\`js
import {chart} from "../components/chart.js";
import {chartSpec} from "../components/sql/chart-spec.js";

const spec = chartSpec(result.rows, result.fields, CHART, {width});
const figure = spec ? chart(spec, spec.facet ? {} : {width}) : document.createElement("p");
figure.id = "notebook-chart";
if (!spec) figure.textContent = "No chart: choose x and y in the workbench.";
display(figure);
\`\`\`

\`\`\`js
import {resultGrid} from "../components/sql/grid.js";

const status = document.createElement("p");
status.className = "bn-status";
status.textContent = \`\${result.rows.length.toLocaleString("en-US")} rows · \${Math.round(result.ms)} ms\`;
display(status);
const grid = resultGrid(result.rows, result.fields);
grid.id = "notebook-grid";
display(grid);
\`\`\`
`;
}
