// The Compare page (/compare): which queries it runs, and for each section the rows of
// its table, the specs of its charts and the notes that depend on the data. Pure
// functions of the query results (tested in Node with the same DuckDB SQL,
// tests/site/compare-page.test.ts); the page only lays the sections out.
import type {VisualizationSpec} from "vega-embed";
import {completionChart, groupedBars, smallMultiples, stackedShares, yearOnYearChart} from "./compare-charts.js";
import * as Q from "./compare-queries.js";
import {money, pct} from "./format.js";
import {BASIS_LABEL, label} from "./labels.js";
import {linesOf, type Column} from "./table.js";
import {defaultGroupBy, groupLabel, rankGroups, sumByGroup, type GroupBy} from "./rank.js";

type Row = Record<string, any>;

/** The queries of the page, by result name. */
export const COMPARE_QUERIES = {
  documents: Q.COMPARE_DOCUMENTS_SQL,
  byCode: Q.EXPENDITURE_BY_CODE_SQL,
  focus: Q.FOCUS_LINES_SQL,
  basicProject: Q.BASIC_PROJECT_SQL,
  personnelPublic: Q.PERSONNEL_PUBLIC_SQL,
  threePublic: Q.THREE_PUBLIC_SQL,
  completion: Q.COMPLETION_SQL,
  yearOnYear: Q.YEAR_ON_YEAR_SQL
} as const;

export type CompareResults = {[K in keyof typeof COMPARE_QUERIES]: Row[]};

/** One section of the page: charts (id + spec) above one table, and data-dependent notes. */
export interface SectionData {
  id: string;
  /** the table's caption */
  title: string;
  charts: {id: string; spec: VisualizationSpec}[];
  rows: Row[];
  columns: Column[];
  notes: string[];
}

const codeLabel = (r: Row) => `${r.code} ${r.name_zh}${r.name_en ? ` ${r.name_en}` : ""}`;
const nameLabel = (r: Row) => `${r.name_zh ?? ""}${r.name_en ? ` ${r.name_en}` : ""}`;
const basisLabel = (b: unknown) => label(BASIS_LABEL, b);
const docColumn: Column = {key: "doc_label", label: "文档 Document"};
const basisColumn: Column = {key: "basis", label: "来源 Basis", format: basisLabel, align: "left"};
const amountColumn: Column = {key: "amount_wan", label: "金额 Amount (万元)", format: "money", link: linesOf()};
const byDocLabel = (a: Row, b: Row) => (a.doc_label < b.doc_label ? -1 : a.doc_label > b.doc_label ? 1 : a.code < b.code ? -1 : 1);
const empty = (rows: Row[], what: string) => (rows.length ? [] : [`No selected document has ${what}.`]);

/** How charts group documents: one bar per document, or per province / level / year / kind, top N + others. */
export interface Grouping {
  groupBy: GroupBy;
  topN: number;
}

export const TOP_N_CHOICES = [3, 5, 10, 20] as const;
export const DEFAULT_TOP_N = 10;

/** The grouping for `documents` chosen documents when the page does not say. */
export function defaultGrouping(documents: number, topN = DEFAULT_TOP_N): Grouping {
  return {groupBy: defaultGroupBy(documents, topN), topN};
}

/**
 * A chart's rows under a grouping: unchanged while each document is its own bar and they
 * fit in the top N; otherwise summed per group (`sum` fields added, `avg` fields averaged
 * over the rows), the top N groups by `value` kept and the rest summed into "others".
 */
export function groupRows(rows: Row[], grouping: Grouping, {keys, sum = ["amount_wan"], avg = [], value = "amount_wan"}: {keys: string[]; sum?: string[]; avg?: string[]; value?: string}): Row[] {
  const group = (r: Row) => groupLabel(r, grouping.groupBy);
  if (grouping.groupBy === "document" && new Set(rows.map((r) => r.doc_id)).size <= grouping.topN) return rows;
  const ranked = rankGroups(rows, {group, value: (r) => r[value], n: grouping.topN});
  const counted = avg.length ? rows.map((r) => ({...r, _n: 1})) : rows;
  return sumByGroup(counted, ranked, group, {keys, sum: [...sum, ...avg, ...(avg.length ? ["_n"] : [])]}).map((r) => {
    if (!avg.length) return r;
    const {_n, ...rest} = r;
    for (const k of avg) rest[k] = rest[k] == null ? null : rest[k] / _n;
    return rest;
  });
}

/** Keeps the `n` values of `key` with the largest total |value| and sums the rest into one "other" value. */
export function capParts(rows: Row[], key: string, n: number, other: string, value = "amount_wan"): Row[] {
  const ranked = rankGroups(rows, {group: (r) => String(r[key]), value: (r) => r[value], n, doc: key});
  if (!ranked.others) return rows;
  return rows.map((r) => (ranked.of.get(String(r[key])) === String(r[key]) ? r : {...r, [key]: other, code: null}));
}

/** Each row's share of its group's (doc_label's) total of `field`. */
export function sharesWithin(rows: Row[], field = "amount_wan"): Row[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.doc_label, (totals.get(r.doc_label) ?? 0) + (Number(r[field]) || 0));
  return rows.map((r) => ({...r, share: (Number(r[field]) || 0) / (totals.get(r.doc_label) || NaN)}));
}

const grouped = (g: Grouping, rows: Row[]) => !(g.groupBy === "document" && new Set(rows.map((r) => r.doc_id)).size <= g.topN);

/** The document picker's options. */
export function documentOptions(results: Partial<CompareResults>): {value: string; label: string}[] {
  return (results.documents ?? []).map((d) => ({value: d.doc_id, label: `${d.doc_label} (${d.scope_zh ?? "?"})`}));
}

/** Notes listed one by one at most; beyond, the rest as one sentence (a page stays short at any number of documents). */
export const MAX_LISTED_NOTES = 5;

/**
 * Where the 类 (printed or summed) do not add up to the table's 合计: one sentence per document,
 * the first MAX_LISTED_NOTES of them, then how many more documents (the audit lists every one).
 */
export function classGaps(rows: Row[]): string[] {
  const byDoc = new Map<unknown, Row[]>();
  for (const r of rows) {
    const list = byDoc.get(r.doc_id);
    if (list) list.push(r);
    else byDoc.set(r.doc_id, [r]);
  }
  const gaps = [...byDoc.values()].flatMap((mine) => {
    const sum = mine.reduce((s, r) => s + r.amount_wan, 0);
    const total = mine[0].total_wan;
    return Math.abs(sum - total) > 0.01 * mine.length ? [{label: mine[0].doc_label, sum, total}] : [];
  });
  const notes = gaps
    .slice(0, MAX_LISTED_NOTES)
    .map(({label, sum, total}) => `⚠ ${label}: the 类 add up to ${money(sum)} 万元, the table's 合计 is ${money(total)} (difference ${money(total - sum)}) — a row is missing or misprinted; see the audit.`);
  const more = gaps.length - notes.length;
  return more ? [...notes, `⚠ … and ${more.toLocaleString("en-US")} more document${more === 1 ? "" : "s"} whose 类 do not add up to the table's 合计 (${gaps.length.toLocaleString("en-US")} in all; the audit lists each).`] : notes;
}

/** Digits of a functional code at each level (类 3, 款 5, 项 7), as the expenditure query cuts them. */
const CODE_DIGITS = [0, 3, 5, 7];

/** The expenditure rows of one level (1 = 类, 2 = 款) with their labels (the level read from the code: a row's `level` is its document's). */
const codeRows = (r: CompareResults, pick: (rows: Row[]) => Row[], level: number) =>
  pick(r.byCode).filter((x) => String(x.code ?? "").length === CODE_DIGITS[level]).map((x) => ({...x, part: codeLabel(x), name: nameLabel(x), share: x.share_of_total}));

function byClass(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const rows = codeRows(r, pick, 1);
  const bars = grouped(g, rows) ? sharesWithin(groupRows(rows, g, {keys: ["code", "part"]})) : rows;
  const multiples = sharesWithin(groupRows(capParts(rows, "part", 7, "其他类 other classes"), {...g, topN: Math.min(g.topN, 10)}, {keys: ["part"]}));
  return {
    id: "by-class",
    title: "支出结构（按类）Expenditure by 类: amounts, shares and lines",
    charts: [
      {id: "by-class-chart", spec: stackedShares("by_class", bars, {title: {text: "支出结构（按类）Expenditure by 类 (function class)", subtitle: grouped(g, rows) ? `share of total expenditure 占总支出 · by ${g.groupBy}, top ${g.topN} + others` : "share of total expenditure 占总支出"}, part: "part", partTitle: "类 Class"})},
      {id: "by-class-multiples", spec: smallMultiples("by_class_multiples", multiples, {title: {text: "每类占比 Each 类's share of expenditure", subtitle: "one panel per 类; a bar per document or group"}, panel: "part", panelTitle: "类 Class"})}
    ],
    rows,
    columns: [
      docColumn,
      {key: "code", label: "类 Code"},
      {key: "name", label: "名称 Name"},
      amountColumn,
      {key: "share_of_total", label: "占总支出 Share of total", format: "percent"},
      {key: "total_wan", label: "总支出 Total (万元)", format: "money", link: linesOf("total_lines")},
      basisColumn,
      {key: "table_id", label: "表 Table"}
    ],
    notes: [...empty(rows, "an expenditure table by code (支出决算表 / 部门支出总表)"), ...classGaps(rows)]
  };
}

function byKuan(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const rows = codeRows(r, pick, 2);
  const bars = grouped(g, rows) ? sharesWithin(groupRows(capParts(rows, "part", 19, "其他款 other items"), g, {keys: ["part"]})) : rows;
  return {
    id: "by-kuan",
    title: "支出结构（按款）Expenditure by 款: amounts, shares and lines",
    charts: [{id: "by-kuan-chart", spec: stackedShares("by_kuan", bars, {title: {text: "支出结构（按款）Expenditure by 款 (function item)", subtitle: "share of total expenditure 占总支出"}, part: "part", partTitle: "款 Item", scheme: "tableau20"})}],
    rows,
    columns: [
      docColumn,
      {key: "code", label: "款 Code"},
      {key: "name", label: "名称 Name"},
      amountColumn,
      {key: "share_of_parent", label: "占类 Share of its 类", format: "percent"},
      {key: "share_of_total", label: "占总支出 Share of total", format: "percent"},
      basisColumn
    ],
    notes: empty(rows, "an expenditure table by code")
  };
}

/** The three 项 lines of 21015 per document; a line a document with an expenditure table does not print is listed as "not printed". */
export function focusRows(r: CompareResults, pick: (rows: Row[]) => Row[]): Row[] {
  const found = pick(r.focus);
  const printed = new Set(found.map((x) => `${x.doc_id}\u0000${x.code}`));
  const withTable = [...new Map(pick(r.byCode).map((x) => [x.doc_id, x])).values()];
  const missing = withTable.flatMap((d) =>
    Q.FOCUS_CODES.filter((code) => !printed.has(`${d.doc_id}\u0000${code}`)).map((code) => ({doc_id: d.doc_id, doc_label: d.doc_label, code, name_zh: "", basis: "not printed 未列示"}))
  );
  return [...found.map((x) => ({...x, name: nameLabel(x)})), ...missing].sort(byDocLabel);
}

function focus(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const line = (x: Row) => `${x.code} ${x.name_zh}`;
  const picked = pick(r.focus);
  const found: Row[] = grouped(g, picked)
    ? groupRows(picked.map((x) => ({...x, line: line(x)})), g, {keys: ["code", "line"], sum: ["amount_wan", "kuan_wan", "total_wan"]}).map((x) => ({
        ...x,
        doc_id: null,
        share_of_21015: x.amount_wan / (x.kuan_wan || NaN),
        share_of_total: x.amount_wan / (x.total_wan || NaN)
      }))
    : picked;
  // each line's share of 款 21015 (its share of total expenditure is in the table and the tooltip)
  const shares = found.map((x) => ({doc_id: x.doc_id, doc_label: x.doc_label, line: line(x), share: x.share_of_21015, share_of_total: x.share_of_total, amount_wan: x.amount_wan}));
  return {
    id: "focus",
    title: "2101504 / 05 / 06 by document: amounts, shares of 款 21015 and of total",
    charts: [
      {
        id: "focus-chart",
        spec: groupedBars("focus", found.map((x) => ({...x, line: line(x)})), {
          title: {text: "三个项级科目 Three 项 lines of 21015: amount 金额"},
          series: "line",
          seriesTitle: "科目 Line",
          extraTooltip: [{field: "share_of_21015", title: "占21015 share of 款", format: ".2%"}, {field: "share_of_total", title: "占总支出 share of total", format: ".2%"}]
        })
      },
      {id: "focus-shares-chart", spec: groupedBars("focus_shares", shares, {title: {text: "占款 Share of 款 21015 医疗保障管理事务"}, series: "line", seriesTitle: "科目 Line", x: "share", xTitle: "占款21015 Share of 21015", format: ".2%", extraTooltip: [{field: "share_of_total", title: "占总支出 share of total", format: ".2%"}]})}
    ],
    rows: focusRows(r, pick),
    columns: [
      docColumn,
      {key: "code", label: "项 Code"},
      {key: "name", label: "名称 Name"},
      amountColumn,
      {key: "kuan_wan", label: "款21015 (万元)", format: "money", link: linesOf("kuan_lines")},
      {key: "share_of_21015", label: "占款 Share of 21015", format: "percent"},
      {key: "total_wan", label: "总支出 Total (万元)", format: "money", link: linesOf("total_lines")},
      {key: "share_of_total", label: "占总支出 Share of total", format: "percent"},
      basisColumn
    ],
    notes: []
  };
}

function twoParts(id: string, rows: Row[], title: {text: string; subtitle: string}, g: Grouping): SectionData {
  const bars = grouped(g, rows) ? sharesWithin(groupRows(rows, g, {keys: ["part", "part_label"]})) : rows;
  return {
    id,
    title: `${title.text}: amounts, shares and lines`,
    charts: [{id: `${id}-chart`, spec: stackedShares(id.replace("-", "_"), bars, {title, part: "part_label", partTitle: "类型 Kind"})}],
    rows,
    columns: [docColumn, {key: "part_label", label: "类型 Kind"}, amountColumn, {key: "share", label: "占比 Share", format: "percent"}, basisColumn, {key: "table_id", label: "表 Table"}],
    notes: []
  };
}

/** “三公” totals as budget and actual bars per document. */
export function threePublicTotals(rows: Row[]): Row[] {
  return rows
    .filter((x) => x.part === "three_public_total")
    .flatMap((x) => [
      ...(x.budget_wan != null ? [{doc_id: x.doc_id, doc_label: x.doc_label, value_kind: "预算数 Budget", amount_wan: x.budget_wan}] : []),
      ...(x.final_wan != null ? [{doc_id: x.doc_id, doc_label: x.doc_label, value_kind: "决算数 Actual", amount_wan: x.final_wan}] : [])
    ]);
}

/** “三公” parts (travel, vehicles, reception): actual where printed, else budget, with their share of the three. */
export function threePublicParts(rows: Row[]): Row[] {
  const parts = rows
    .filter((x) => ["overseas_travel", "vehicles_total", "official_reception"].includes(x.part))
    .map((x) => ({doc_id: x.doc_id, doc_label: x.doc_label, part: x.part_label, amount_wan: x.final_wan ?? x.budget_wan, value_kind: x.final_wan != null ? "决算数 actual" : "预算数 budget"}));
  const totals = new Map<unknown, number>();
  for (const p of parts) totals.set(p.doc_id, (totals.get(p.doc_id) ?? 0) + p.amount_wan);
  return parts.map((p) => ({...p, share: p.amount_wan / (totals.get(p.doc_id) || NaN)}));
}

function threePublic(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const rows = pick(r.threePublic);
  const firstRow = new Map<unknown, Row>();
  for (const y of rows) if (!firstRow.has(y.doc_id)) firstRow.set(y.doc_id, y);
  const withDoc = (xs: Row[]) => xs.map((x) => ({...firstRow.get(x.doc_id), ...x}));
  const totals = grouped(g, rows) ? groupRows(withDoc(threePublicTotals(rows)), g, {keys: ["value_kind"]}) : threePublicTotals(rows);
  const parts = grouped(g, rows) ? sharesWithin(groupRows(withDoc(threePublicParts(rows)), g, {keys: ["part"]})) : threePublicParts(rows);
  return {
    id: "three-public",
    title: "“三公”经费 by part: budget, actual, completion",
    charts: [
      {id: "three-public-chart", spec: groupedBars("three_public", totals, {title: {text: "“三公”经费：预算与决算 Budget vs actual", subtitle: "财政拨款“三公”经费合计"}, series: "value_kind", seriesTitle: "数字 Figure", domain: ["预算数 Budget", "决算数 Actual"]})},
      {id: "three-public-parts-chart", spec: stackedShares("three_public_parts", parts, {title: {text: "“三公”构成 Composition", subtitle: "actual where printed, else budget"}, part: "part", partTitle: "项目 Part"})}
    ],
    rows: rows.map((x) => ({...x, inferred_label: x.inferred ? "inferred 推断" : ""})),
    columns: [
      docColumn,
      {key: "part_label", label: "项目 Part"},
      {key: "budget_wan", label: "预算数 Budget (万元)", format: "money", link: linesOf("budget_line")},
      {key: "final_wan", label: "决算数 Actual (万元)", format: "money", link: linesOf("final_line")},
      {key: "completion", label: "完成 Actual ÷ budget", format: "percent"},
      basisColumn,
      {key: "inferred_label", label: "列 Columns"}
    ],
    notes: []
  };
}

function completion(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const rows = pick(r.completion);
  const coded = rows.filter((x) => x.code);
  // at most 15 lines (those most documents state), the groups' mean completion
  const lines = rankGroups(coded, {group: (x) => String(x.line_label), value: () => 1, n: 15, doc: "line_label"});
  const shown = coded.filter((x) => lines.of.get(String(x.line_label)) === String(x.line_label));
  const points = grouped(g, shown) ? groupRows(shown, g, {keys: ["line_label", "code"], sum: [], avg: ["completion_pct"], value: "completion_pct"}) : shown;
  return {
    id: "completion",
    title: "完成预算 Budget completion by line, as stated in the prose",
    charts: [{id: "completion-chart", spec: completionChart("completion", points, {text: "完成预算 Budget completion by 项 (%)", subtitle: grouped(g, shown) ? `mean of the documents' stated completion, by ${g.groupBy}; dashed line = 100%` : "as stated in the prose; dashed line = 100%"})}],
    rows,
    columns: [docColumn, {key: "line_label", label: "科目 Line"}, {key: "name_en", label: "English"}, {key: "completion_pct", label: "完成预算 Completion", format: pct, link: linesOf()}, {key: "subject", label: "正文 As printed"}],
    notes: empty(rows, "a stated budget completion")
  };
}

/** Year on year: two points per stated change, the earlier year derived from it. */
export function yearOnYearPoints(pairs: Row[]): Row[] {
  return pairs
    .flatMap((p) => {
      const series = `${p.doc_label} · ${p.subject}`;
      return [
        {doc_id: p.doc_id, doc_label: p.doc_label, subject: p.subject, series, year: p.earlier_year, amount_wan: p.earlier_wan, derived_label: "推算 derived from the stated change", formula: p.formula},
        {doc_id: p.doc_id, doc_label: p.doc_label, subject: p.subject, series, year: p.current_year, amount_wan: p.current_wan, derived_label: "正文 stated", formula: ""}
      ];
    })
    .filter((p) => p.amount_wan > 0);
}

function yearOnYear(r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping): SectionData {
  const pairs = pick(r.yearOnYear);
  let points = yearOnYearPoints(pairs);
  if (grouped(g, pairs)) {
    // the 6 subjects most documents state, summed per group
    const subjects = rankGroups(points, {group: (p) => String(p.subject), value: () => 1, n: 6, doc: "subject"});
    const docs = new Map(pairs.map((p) => [p.doc_id, p]));
    points = groupRows(
      points.filter((p) => subjects.of.get(String(p.subject)) === String(p.subject)).map((p) => ({...docs.get(p.doc_id), ...p})),
      g,
      {keys: ["subject", "year", "derived_label"]}
    ).map((p) => ({...p, series: `${p.doc_label} · ${p.subject}`, formula: ""}));
  }
  return {
    id: "yoy",
    title: "同比 Year on year: stated changes and the earlier year derived from them",
    charts: [{id: "yoy-chart", spec: yearOnYearChart("yoy", points, {text: "同比 Year on year 金额 (万元)", subtitle: "circles: earlier year derived from the stated change; squares: stated"})}],
    rows: pairs,
    columns: [
      docColumn,
      {key: "subject", label: "项目 Subject"},
      {key: "earlier_year", label: "上年 Earlier", format: "text"},
      {key: "earlier_wan", label: "上年数 (万元, derived)", format: "money", link: linesOf("earlier_lines")},
      {key: "current_year", label: "本年 Year", format: "text"},
      {key: "current_wan", label: "本年数 (万元)", format: "money", link: linesOf("current_lines")},
      {key: "change_wan", label: "增减 Change (万元)", format: "money"},
      {key: "change_ratio", label: "增减率 Change %", format: "percent"},
      {key: "formula", label: "推算 Formula"}
    ],
    notes: empty(pairs, "a stated year-on-year change")
  };
}

const SECTIONS = {
  "by-class": byClass,
  "by-kuan": byKuan,
  focus,
  "basic-project": (r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping) =>
    twoParts("basic-project", pick(r.basicProject), {text: "基本支出与项目支出 Basic vs project expenditure", subtitle: "share of 本年支出合计"}, g),
  "personnel-public": (r: CompareResults, pick: (rows: Row[]) => Row[], g: Grouping) =>
    twoParts("personnel-public", pick(r.personnelPublic), {text: "人员经费与公用经费 Personnel vs public expenses", subtitle: "share of 一般公共预算财政拨款基本支出"}, g),
  "three-public": threePublic,
  completion,
  yoy: yearOnYear
} as const;

export type SectionId = keyof typeof SECTIONS;
export const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];

/** The Compare results from the precomputed aggregates (aggregates.json's documents, compare.json's sets): the whole page, no DuckDB-WASM. */
export function resultsFromAggregates(
  agg: {documents: Row[]},
  cmp: {byClass: Row[]; byKuan: Row[]; focus: Row[]; basicProject: Row[]; personnelPublic: Row[]; threePublic: Row[]; completion: Row[]; yearOnYear: Row[]}
): CompareResults {
  return {
    documents: agg.documents,
    byCode: [...cmp.byClass, ...cmp.byKuan],
    focus: cmp.focus,
    basicProject: cmp.basicProject,
    personnelPublic: cmp.personnelPublic,
    threePublic: cmp.threePublic,
    completion: cmp.completion,
    yearOnYear: cmp.yearOnYear
  };
}

/** A section's rows, charts and notes for the chosen documents, its charts grouped by `grouping` (default: by the number chosen). */
export function compareSection(id: SectionId, results: CompareResults, chosen: Iterable<string>, grouping?: Grouping): SectionData {
  const set = new Set(chosen);
  const g = grouping ?? defaultGrouping(set.size);
  const docs = new Map((results.documents ?? []).map((d) => [d.doc_id, d]));
  // every row gets its document's facet columns (province, level…) for grouping; `level` is always the
  // document's (the expenditure query's own `level` is the code's: 1 = 类, 2 = 款)
  const withDoc = (x: Row) => {
    const d = docs.get(x.doc_id);
    // rows from the aggregates already carry them (aggregates.ts)
    if (!d || (x.province === d.province && x.level === d.level && x.doc_label === d.doc_label)) return x;
    return {province: d.province, city: d.city, year: d.year, kind: d.kind, doc_label: d.doc_label, ...x, level: d.level};
  };
  return SECTIONS[id](results, (rows) => (rows ?? []).filter((x) => set.has(x.doc_id)).map(withDoc), g);
}
