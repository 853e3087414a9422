// The Overview page (/): the corpus chart and the three tables of documents, headline
// totals and audit status. Pure functions of the query results (tested in Node with
// the same DuckDB SQL, tests/site/overview-page.test.ts); the page lays them out.
import type {VisualizationSpec} from "vega-embed";
import {KIND_LABEL, LEVEL_LABEL, STATUS_LABEL, label} from "./labels.js";
import {HEADLINES} from "./overview-queries.js";
import {documentHref as docHref, sourceHref} from "./source-link.js";
import {linesOf, type Column} from "./table.js";
import type {SectionData} from "./compare-page.js";

type Row = Record<string, any>;

const documentHref = (d: Row) => docHref(String(d.doc_id));
const entityColumn: Column = {key: "entity", label: "主体 Entity", href: documentHref};
const yearColumn: Column = {key: "year", label: "年度 Year", format: "text"};

/** Documents by year, entity (in Chinese collation) and id. */
export function byYearEntity(a: Row, b: Row): number {
  return (a.year ?? 0) - (b.year ?? 0) || String(a.entity).localeCompare(String(b.entity), "zh") || (a.doc_id < b.doc_id ? -1 : 1);
}

/** The documents with their labels. */
export function corpusRows(documents: Row[]): Row[] {
  return documents.map((d) => ({
    ...d,
    kind_label: label(KIND_LABEL, d.kind) || "?",
    scope_label: `${d.scope_zh ?? "?"} ${d.scope ?? ""}`.trim(),
    level_label: label(LEVEL_LABEL, d.level) || "?"
  }));
}

/** Documents per province × year (point size), coloured by kind: one mark per group, whatever the number of documents. */
function corpusChart(groups: Row[]): VisualizationSpec {
  const rows = groups.map((g) => ({...g, province: g.province ?? "? unknown 未知", kind_label: label(KIND_LABEL, g.kind) || "?"}));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {text: "文档 Documents by province × year × kind", subtitle: "size: number of documents; colour: kind of document"},
    datasets: {groups: rows},
    data: {name: "groups"},
    mark: {type: "circle", opacity: 0.75, tooltip: true},
    encoding: {
      x: {field: "year", type: "ordinal", title: "年度 Fiscal year", axis: {labelAngle: 0}},
      y: {field: "province", type: "nominal", title: "省 Province", sort: null, axis: {labelLimit: 200}},
      xOffset: {field: "kind_label", type: "nominal", scale: {domain: Object.values(KIND_LABEL)}},
      size: {field: "documents", type: "quantitative", title: "文档 Documents", scale: {range: [60, 900]}},
      color: {field: "kind_label", type: "nominal", title: "类型 Kind", scale: {domain: Object.values(KIND_LABEL)}},
      tooltip: [
        {field: "province", title: "省 province"},
        {field: "year", title: "年度 year"},
        {field: "kind_label", title: "类型 kind"},
        {field: "documents", title: "文档 documents", format: ",d"},
        {field: "expenditure_total_wan", title: "支出总计 Σ (万元)", format: ",.2f"},
        {field: "with_total", title: "documents with a total", format: ",d"},
        {field: "checks_error", title: "audit errors", format: ",d"}
      ]
    },
    height: {step: 28}
  } as VisualizationSpec;
}

/** The corpus: a chart of documents per province × year × kind and the table of documents. */
export function documentsSection(documents: Row[], groups: Row[]): SectionData {
  const rows = corpusRows(documents);
  return {
    id: "documents",
    title: "文档 Documents: entity, year, kind, scope and file",
    charts: [{id: "documents-chart", spec: corpusChart(groups)}],
    rows,
    columns: [
      entityColumn,
      yearColumn,
      {key: "kind_label", label: "类型 Kind"},
      {key: "scope_label", label: "范围 Scope"},
      {key: "region", label: "地区 Region"},
      {key: "level_label", label: "层级 Level"},
      {key: "amount_unit", label: "单位 Unit"},
      {key: "bytes", label: "bytes", format: "int"},
      {key: "line_count", label: "lines", format: "int", href: (d) => sourceHref(String(d.doc_id))},
      {key: "encoding", label: "encoding"},
      {key: "source_file", label: "file"}
    ],
    notes: []
  };
}

/** One row per document, one column per headline figure (with its lines), and where they come from. */
export function totalsRows(documents: Row[], totals: Row[]): Row[] {
  const byDoc = new Map<unknown, Row[]>();
  for (const t of totals) {
    const list = byDoc.get(t.doc_id);
    if (list) list.push(t);
    else byDoc.set(t.doc_id, [t]);
  }
  return documents.map((d) => {
    const row: Row = {doc_id: d.doc_id, entity: d.entity, year: d.year, kind_label: label(KIND_LABEL, d.kind), basis: ""};
    for (const t of byDoc.get(d.doc_id) ?? []) {
      row[t.figure] = t.amount_wan;
      row[`${t.figure}_lines`] = t.lines;
      row.basis = t.basis === "table" ? `table ${t.table_id}` : "prose 正文";
    }
    return row;
  });
}

export function totalsSection(documents: Row[], totals: Row[]): SectionData {
  return {
    id: "totals",
    title: "收支总计 Headline totals by document (万元)",
    charts: [],
    rows: totalsRows(documents, totals),
    columns: [
      entityColumn,
      yearColumn,
      {key: "kind_label", label: "类型 Kind"},
      ...HEADLINES.map((x): Column => ({key: x.key, label: x.label, format: "money", link: linesOf(`${x.key}_lines`)})),
      {key: "basis", label: "来源 From"}
    ],
    notes: []
  };
}

/** "path/file.txt:11013: …" → "L11013: …" (the file is named in the documents table). */
export function shortMessage(message: unknown): string {
  return String(message ?? "").replace(/^[^\n]*?\.(?:txt|md|markdown|tsv):(\d+):/gm, "L$1:");
}

export function statusSection(documents: Row[]): SectionData {
  const auditHref = (d: Row) => `/audit?doc=${encodeURIComponent(d.doc_id)}`;
  const count = (key: string, text: string, href?: (d: Row) => string): Column => ({key, label: text, format: "int", href});
  return {
    id: "status",
    title: "审核与提取 Audit findings and extraction by document",
    charts: [],
    rows: documents.map((d) => ({...d, status_label: label(STATUS_LABEL, d.status)})),
    columns: [
      entityColumn,
      yearColumn,
      count("checks_error", "errors 错误", auditHref),
      count("checks_warning", "warnings 警告", auditHref),
      count("checks_info", "rounding 尾差", auditHref),
      {key: "status_label", label: "extraction 提取"},
      count("tables_found", "tables 表"),
      count("numbers_extracted", "table numbers 表内数字"),
      count("facts_extracted", "prose figures 正文数字"),
      count("projects", "绩效 projects"),
      count("indicators", "绩效 indicators"),
      count("residue_lines", "residue 未解析行"),
      {key: "message", label: "notes 说明", align: "left", format: shortMessage}
    ],
    notes: []
  };
}
