// Runs a notebook in the browser (DuckDB-WASM over the corpus tables) and builds each
// cell's output: a SQL cell's rows (the workbench's grid), a chart of a SQL cell's
// result (the workbench's chart builder), Markdown with quoted figures. The notebook
// page and the pages it exports both render through here, so they show the same figures.
import {chart} from "../chart.js";
import {loadCorpus} from "../corpus.js";
import {errorBox} from "../db.js";
import {h} from "../dom.js";
import {int} from "../format.js";
import {chartSpec, type ChartChoices} from "../sql/chart-spec.js";
import {resultGrid} from "../sql/grid.js";
import {tablesIn} from "../sql/notebook.js";
import {runQuery, type QueryResult} from "../sql/results.js";
import {renderMarkdown} from "./markdown.js";
import type {Results} from "./quote.js";
import type {Cell, ChartCell, Notebook, SqlCell} from "./state.js";

/** Runs one SQL cell (loading the tables it names first). */
export async function runSqlCell(cell: SqlCell): Promise<QueryResult> {
  await loadCorpus(tablesIn(cell.sql) as never);
  return runQuery(cell.sql);
}

/** Runs every SQL cell in order; a failed cell's result is its Error. */
export async function runNotebook(notebook: Notebook): Promise<Map<string, QueryResult | Error>> {
  const results = new Map<string, QueryResult | Error>();
  for (const cell of notebook.cells) {
    if (cell.kind !== "sql") continue;
    try {
      results.set(cell.name, await runSqlCell(cell));
    } catch (error) {
      results.set(cell.name, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return results;
}

function sqlOutput(cell: SqlCell, result: QueryResult | Error | undefined): HTMLElement {
  if (result === undefined) return h("p", {className: "bn-status", text: "Not run yet."});
  if (result instanceof Error) return errorBox(result);
  const grid = resultGrid(result.rows, result.fields, {height: Math.min(320, 34 + 26 * result.rows.length)});
  grid.id = `${cell.id}-grid`;
  return h("div", {}, h("p", {className: "bn-status", text: `${cell.name}: ${int(result.rows.length)} row${result.rows.length === 1 ? "" : "s"} · ${Math.round(result.ms)} ms`}), grid);
}

function chartOutput(cell: ChartCell, results: Results, width: number): HTMLElement {
  const result = results.get(cell.source);
  if (!(results.has(cell.source))) return h("p", {className: "bn-status", text: `No SQL cell is named ${cell.source || "(none)"}.`});
  if (!result || result instanceof Error) return h("p", {className: "bn-status", text: `${cell.source} has no result to draw.`});
  const choices: ChartChoices = {mark: cell.mark, x: cell.x, y: cell.y, color: cell.color, facet: cell.facet};
  const spec = chartSpec(result.rows, result.fields, choices, {width});
  if (!spec) return h("p", {className: "bn-status", text: "Choose x and y to draw a chart."});
  const figure = chart(spec, spec.facet ? {} : {width});
  figure.id = `${cell.id}-chart`;
  figure.dataset.source = cell.source;
  return figure;
}

/** The output of one cell, given the SQL cells' results. */
export function cellOutput(cell: Cell, results: Results, width: number): HTMLElement {
  const body =
    cell.kind === "sql" ? sqlOutput(cell, results.get(cell.name)) : cell.kind === "chart" ? chartOutput(cell, results, width) : renderMarkdown(cell.text, results);
  return h("div", {className: `bn-nb-output bn-nb-${cell.kind}`, id: `${cell.id}-output`, data: {cell: cell.id}}, body);
}
