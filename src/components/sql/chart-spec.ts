// Chart builder → Vega-Lite spec. Pure (no DOM), so tests and notebooks share it.
// Choices name result columns; "count()" as y counts rows. Field types are read from
// the result (numeric or not) and from the values (few distinct numbers → categories).
import type {ResultField} from "./results.js";

export const MARKS = ["bar", "line", "point", "area"] as const;
export type Mark = (typeof MARKS)[number];
export const COUNT = "count()";

export interface ChartChoices {
  mark: Mark;
  x?: string;
  y?: string;
  color?: string;
  facet?: string;
}

/** At most this many rows go into a chart (the grid and exports keep them all). */
export const CHART_ROW_LIMIT = 5000;

type Row = Record<string, unknown>;
type Spec = Record<string, unknown>;

export function isMark(value: unknown): value is Mark {
  return typeof value === "string" && (MARKS as readonly string[]).includes(value);
}

function distinctCount(rows: Row[], name: string, stop = 60): number {
  const seen = new Set<unknown>();
  for (const row of rows) {
    seen.add(row[name]);
    if (seen.size > stop) break;
  }
  return seen.size;
}

/** "_wan" columns and 万元 amounts get two decimals with thousands separators. */
export function isMoney(name: string): boolean {
  return /(_wan$|^amount|万元)/.test(name);
}

function encodingType(field: ResultField | undefined, rows: Row[], role: "x" | "y" | "color" | "facet", mark: Mark): string {
  if (!field) return "nominal";
  if (field.kind === "date" || field.kind === "timestamp") return role === "facet" ? "ordinal" : "temporal";
  if (!field.numeric || role === "facet") return "nominal";
  if (role === "color") return distinctCount(rows, field.name, 12) <= 12 ? "nominal" : "quantitative";
  if (role === "x" && (mark === "bar" || /(^|_)year$/.test(field.name)) && distinctCount(rows, field.name, 60) <= 60) return "ordinal";
  return "quantitative";
}

/** Sensible first choices for a result: x = first text column, y = first numeric one. */
export function defaultChoices(fields: ResultField[], previous?: Partial<ChartChoices>): ChartChoices {
  const names = new Set(fields.map((f) => f.name));
  const keep = (name?: string) => (name && (names.has(name) || name === COUNT) ? name : undefined);
  const text = fields.find((f) => !f.numeric);
  const numbers = fields.filter((f) => f.numeric);
  const x = keep(previous?.x) ?? text?.name ?? numbers[0]?.name;
  const y = keep(previous?.y) ?? numbers.find((f) => f.name !== x)?.name ?? (x ? COUNT : undefined);
  return {
    mark: isMark(previous?.mark) ? previous.mark : "bar",
    x,
    y,
    color: keep(previous?.color),
    facet: keep(previous?.facet)
  };
}

/**
 * The Vega-Lite spec for `rows` under `choices`, or null when x or y is missing.
 * The rows are the named dataset "result" (tests read it with view.data("result")).
 */
export function chartSpec(rows: Row[], fields: ResultField[], choices: ChartChoices, {width = 640} = {}): Spec | null {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const {mark, x, y, color, facet} = choices;
  if (!x || !y || !byName.has(x) || (y !== COUNT && !byName.has(y))) return null;
  const data = rows.length > CHART_ROW_LIMIT ? rows.slice(0, CHART_ROW_LIMIT) : rows;
  const xType = encodingType(byName.get(x), data, "x", mark);
  const channel = (name: string, role: "x" | "y" | "color" | "facet"): Spec => {
    const field = byName.get(name);
    const type = encodingType(field, data, role, mark);
    const out: Spec = {field: name, type, title: name};
    if (type === "quantitative") out.axis = {format: isMoney(name) ? ",.2f" : ",~r"};
    if ((role === "x" || role === "y") && type !== "quantitative" && type !== "temporal") {
      out.sort = null; // keep the query's ORDER BY
      out.axis = {labelLimit: 180, ...(role === "x" ? {labelAngle: -40} : {})};
    }
    if (role === "color" && type === "nominal") out.legend = {labelLimit: 260, symbolLimit: 40};
    return out;
  };
  const encoding: Spec = {
    x: channel(x, "x"),
    y: y === COUNT ? {aggregate: "count", type: "quantitative", title: "rows"} : channel(y, "y")
  };
  if (color && byName.has(color)) encoding.color = channel(color, "color");
  const tooltip = [x, y === COUNT ? undefined : y, color, facet]
    .filter((name): name is string => !!name && byName.has(name))
    .filter((name, i, all) => all.indexOf(name) === i)
    .map((name) => {
      const field = byName.get(name)!;
      const t: Spec = {field: name, type: field.numeric ? "quantitative" : "nominal"};
      if (field.numeric) t.format = isMoney(name) ? ",.2f" : ",~r";
      return t;
    });
  if (y === COUNT) tooltip.push({aggregate: "count", type: "quantitative", title: "rows"});
  encoding.tooltip = tooltip;
  const markDef: Spec = {type: mark, tooltip: true};
  if (mark === "line" || mark === "area") markDef.point = mark === "line";
  if (mark === "point") markDef.filled = true;
  const spec: Spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${mark} of ${y} by ${x}${color ? `, colour ${color}` : ""}${facet ? `, facet ${facet}` : ""}`,
    datasets: {result: data},
    data: {name: "result"}
  };
  if (facet && byName.has(facet)) {
    const columns = Math.min(3, Math.max(1, distinctCount(data, facet, 3)));
    spec.facet = {field: facet, type: "nominal", title: facet, header: {labelLimit: 300}};
    spec.columns = columns;
    spec.spec = {mark: markDef, encoding, width: Math.max(160, Math.floor(width / columns) - 60), height: 220};
    spec.resolve = {axis: {x: "independent"}};
  } else {
    Object.assign(spec, {mark: markDef, encoding, height: 300});
    if (xType !== "quantitative" && xType !== "temporal" && mark === "bar") spec.width = {step: Math.max(14, Math.min(40, Math.floor(width / Math.max(1, distinctCount(data, x, 200)))))};
  }
  return spec;
}
