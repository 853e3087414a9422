// The Documents index (/catalogue): every document as one paginated table, filtered by
// the faceted search (facets.ts), each with links to its document page and its source
// text. Pure function of the aggregates' documents (tested in Node, tests/site/catalogue-page.test.ts).
import {KIND_LABEL, LEVEL_LABEL, SCOPE_LABEL, STATUS_LABEL, label} from "./labels.js";
import {documentHref, sourceHref} from "./source-link.js";
import type {SectionData} from "./compare-page.js";

type Row = Record<string, any>;

/** Documents by province, year (newest first), entity and id. */
export function catalogueOrder(a: Row, b: Row): number {
  return (
    String(a.province ?? "").localeCompare(String(b.province ?? ""), "zh") ||
    (b.year ?? 0) - (a.year ?? 0) ||
    String(a.entity ?? "").localeCompare(String(b.entity ?? ""), "zh") ||
    (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)
  );
}

export function catalogueSection(documents: readonly Row[]): SectionData {
  const rows = [...documents].sort(catalogueOrder).map((d) => ({
    ...d,
    entity_label: d.entity ?? d.source_file,
    kind_label: label(KIND_LABEL, d.kind),
    scope_label: label(SCOPE_LABEL, d.scope),
    level_label: label(LEVEL_LABEL, d.level),
    status_label: label(STATUS_LABEL, d.status),
    source_label: "原文 source"
  }));
  return {
    id: "catalogue",
    title: "文档 Documents: every document with its page and its source text",
    charts: [],
    rows,
    columns: [
      {key: "entity_label", label: "主体 Entity", href: (d) => documentHref(String(d.doc_id))},
      {key: "year", label: "年度 Year", format: "text"},
      {key: "kind_label", label: "类型 Kind"},
      {key: "scope_label", label: "范围 Scope"},
      {key: "province", label: "省 Province"},
      {key: "city", label: "市 City"},
      {key: "level_label", label: "层级 Level"},
      {key: "status_label", label: "提取 Extraction"},
      {key: "checks_error", label: "errors 错误", format: "int", href: (d) => `/audit?doc=${encodeURIComponent(String(d.doc_id))}`},
      {key: "source_label", label: "原文 Source", href: (d) => sourceHref(String(d.doc_id))},
      {key: "source_file", label: "file"}
    ],
    notes: rows.length ? [] : ["No document matches the search."]
  };
}
