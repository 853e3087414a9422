// The Compare page (/compare): which queries it runs, and for each section the rows of
// its table, the specs of its charts and the notes that depend on the data. Pure
// functions of the query results (tested in Node with the same DuckDB SQL,
// tests/site/compare-page.test.ts); the page only lays the sections out.
import type {VisualizationSpec} from "vega-embed";
import {completionChart, groupedBars, stackedShares, yearOnYearChart} from "./compare-charts.js";
import * as Q from "./compare-queries.js";
import {money, pct} from "./format.js";
import {BASIS_LABEL, label} from "./labels.js";
import {linesOf, type Column} from "./table.js";

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

/** The corpus tables those queries read. */
export const COMPARE_TABLES = ["documents", "tables", "line_items", "narrative_facts", "classifications"] as const;

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

/** The document picker's options. */
export function documentOptions(results: Partial<CompareResults>): {value: string; label: string}[] {
  return (results.documents ?? []).map((d) => ({value: d.doc_id, label: `${d.doc_label} (${d.scope_zh ?? "?"})`}));
}

/** Where the 类 (printed or summed) do not add up to the table's 合计: one sentence per document. */
export function classGaps(rows: Row[]): string[] {
  return [...new Set(rows.map((r) => r.doc_id))].flatMap((doc) => {
    const mine = rows.filter((r) => r.doc_id === doc);
    const sum = mine.reduce((s, r) => s + r.amount_wan, 0);
    const total = mine[0].total_wan;
    return Math.abs(sum - total) > 0.01 * mine.length
      ? [`⚠ ${mine[0].doc_label}: the 类 add up to ${money(sum)} 万元, the table's 合计 is ${money(total)} (difference ${money(total - sum)}) — a row is missing or misprinted; see the audit.`]
      : [];
  });
}

/** The expenditure rows of one level (1 = 类, 2 = 款) with their labels. */
const codeRows = (r: CompareResults, pick: (rows: Row[]) => Row[], level: number) =>
  pick(r.byCode).filter((x) => x.level === level).map((x) => ({...x, part: codeLabel(x), name: nameLabel(x), share: x.share_of_total}));

function byClass(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const rows = codeRows(r, pick, 1);
  return {
    id: "by-class",
    title: "支出结构（按类）Expenditure by 类: amounts, shares and lines",
    charts: [{id: "by-class-chart", spec: stackedShares("by_class", rows, {title: {text: "支出结构（按类）Expenditure by 类 (function class)", subtitle: "share of total expenditure 占总支出"}, part: "part", partTitle: "类 Class"})}],
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

function byKuan(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const rows = codeRows(r, pick, 2);
  return {
    id: "by-kuan",
    title: "支出结构（按款）Expenditure by 款: amounts, shares and lines",
    charts: [{id: "by-kuan-chart", spec: stackedShares("by_kuan", rows, {title: {text: "支出结构（按款）Expenditure by 款 (function item)", subtitle: "share of total expenditure 占总支出"}, part: "part", partTitle: "款 Item", scheme: "tableau20"})}],
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
  const withTable = [...new Map(pick(r.byCode).map((x) => [x.doc_id, x])).values()];
  const missing = withTable.flatMap((d) =>
    Q.FOCUS_CODES.filter((code) => !found.some((x) => x.doc_id === d.doc_id && x.code === code)).map((code) => ({doc_id: d.doc_id, doc_label: d.doc_label, code, name_zh: "", basis: "not printed 未列示"}))
  );
  return [...found.map((x) => ({...x, name: nameLabel(x)})), ...missing].sort(byDocLabel);
}

function focus(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const found = pick(r.focus);
  const line = (x: Row) => `${x.code} ${x.name_zh}`;
  const shares = found.flatMap((x) => [
    {doc_id: x.doc_id, doc_label: `${x.doc_label} · 占款 of 21015`, line: line(x), share: x.share_of_21015, amount_wan: x.amount_wan},
    {doc_id: x.doc_id, doc_label: `${x.doc_label} · 占总 of total`, line: line(x), share: x.share_of_total, amount_wan: x.amount_wan}
  ]);
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
      {id: "focus-shares-chart", spec: groupedBars("focus_shares", shares, {title: {text: "占比 Shares: of 款 21015 and of total expenditure"}, series: "line", seriesTitle: "科目 Line", x: "share", xTitle: "占比 Share", format: ".2%"})}
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

function twoParts(id: string, rows: Row[], title: {text: string; subtitle: string}): SectionData {
  return {
    id,
    title: `${title.text}: amounts, shares and lines`,
    charts: [{id: `${id}-chart`, spec: stackedShares(id.replace("-", "_"), rows, {title, part: "part_label", partTitle: "类型 Kind"})}],
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
  return parts.map((p) => ({...p, share: p.amount_wan / (parts.filter((q) => q.doc_id === p.doc_id).reduce((s, q) => s + q.amount_wan, 0) || NaN)}));
}

function threePublic(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const rows = pick(r.threePublic);
  return {
    id: "three-public",
    title: "“三公”经费 by part: budget, actual, completion",
    charts: [
      {id: "three-public-chart", spec: groupedBars("three_public", threePublicTotals(rows), {title: {text: "“三公”经费：预算与决算 Budget vs actual", subtitle: "财政拨款“三公”经费合计"}, series: "value_kind", seriesTitle: "数字 Figure", domain: ["预算数 Budget", "决算数 Actual"]})},
      {id: "three-public-parts-chart", spec: stackedShares("three_public_parts", threePublicParts(rows), {title: {text: "“三公”构成 Composition", subtitle: "actual where printed, else budget"}, part: "part", partTitle: "项目 Part"})}
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

function completion(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const rows = pick(r.completion);
  return {
    id: "completion",
    title: "完成预算 Budget completion by line, as stated in the prose",
    charts: [{id: "completion-chart", spec: completionChart("completion", rows.filter((x) => x.code), {text: "完成预算 Budget completion by 项 (%)", subtitle: "as stated in the prose; dashed line = 100%"})}],
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

function yearOnYear(r: CompareResults, pick: (rows: Row[]) => Row[]): SectionData {
  const pairs = pick(r.yearOnYear);
  return {
    id: "yoy",
    title: "同比 Year on year: stated changes and the earlier year derived from them",
    charts: [{id: "yoy-chart", spec: yearOnYearChart("yoy", yearOnYearPoints(pairs), {text: "同比 Year on year 金额 (万元)", subtitle: "circles: earlier year derived from the stated change; squares: stated"})}],
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
  "basic-project": (r: CompareResults, pick: (rows: Row[]) => Row[]) =>
    twoParts("basic-project", pick(r.basicProject), {text: "基本支出与项目支出 Basic vs project expenditure", subtitle: "share of 本年支出合计"}),
  "personnel-public": (r: CompareResults, pick: (rows: Row[]) => Row[]) =>
    twoParts("personnel-public", pick(r.personnelPublic), {text: "人员经费与公用经费 Personnel vs public expenses", subtitle: "share of 一般公共预算财政拨款基本支出"}),
  "three-public": threePublic,
  completion,
  yoy: yearOnYear
} as const;

export type SectionId = keyof typeof SECTIONS;
export const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];

/** A section's rows, charts and notes for the chosen documents. */
export function compareSection(id: SectionId, results: CompareResults, chosen: Iterable<string>): SectionData {
  const set = new Set(chosen);
  return SECTIONS[id](results, (rows) => (rows ?? []).filter((x) => set.has(x.doc_id)));
}
