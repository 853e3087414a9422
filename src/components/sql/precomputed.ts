// A result computed ahead of time (the data loader ran the workbench's default query with
// DuckDB in Node: aggregate-queries.ts, sqlDefault) and the chart the workbench first draws
// from it. No DuckDB here, so the build draws the same chart as the /sql page's static
// picture (src/components/first-charts.ts) with the same functions as the workbench.
import type {Row} from "../db.js";
import {chartSpec, defaultChoices, type ChartChoices} from "./chart-spec.js";
import {CORPUS_OVERVIEW, exampleChoices} from "./gallery.js";
import type {FieldKind, QueryResult, ResultField} from "./results.js";

export const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(["int", "bigint", "float", "decimal"]);

/** The chart choices the workbench starts from when the URL names no query: the default query's. */
export const DEFAULT_CHOICES: ChartChoices = exampleChoices(CORPUS_OVERVIEW);

/**
 * A precomputed result described from its values: whole numbers are "int", other numbers
 * "float", text "string", true/false "bool". Column order is the rows' key order.
 */
export function precomputedResult(rows: Row[]): QueryResult {
  const names = rows.length ? Object.keys(rows[0]) : [];
  const fields = names.map((name): ResultField => {
    const values = rows.map((r) => r[name]).filter((v) => v != null);
    const kind: FieldKind = !values.length
      ? "other"
      : values.every((v) => typeof v === "number")
        ? values.every((v) => Number.isInteger(v))
          ? "int"
          : "float"
        : values.every((v) => typeof v === "boolean")
          ? "bool"
          : "string";
    return {name, type: "precomputed", kind, numeric: NUMERIC_KINDS.has(kind)};
  });
  return {rows, fields, ms: 0};
}

/**
 * The default query's chart from its precomputed rows, as the workbench first draws it (show():
 * the default choices completed from the result's columns, then chartSpec); null without rows.
 */
export function precomputedChart(rows: Row[], width: number): ReturnType<typeof chartSpec> {
  const result = precomputedResult(rows);
  return chartSpec(result.rows, result.fields, defaultChoices(result.fields, DEFAULT_CHOICES), {width});
}
