// The entity page (src/entity.md): one disclosing body, its documents over the years,
// series of its main measures with budget against final, and every figure of its panel
// rows linked to the line it was printed on. Pure functions of the entities, panel and
// documents rows (tested in Node) plus the views built with h() and table().
import type {VisualizationSpec} from "vega-embed";
import {h} from "./dom.js";
import {money, percent} from "./format.js";
import {KIND_LABEL, SCOPE_LABEL, label} from "./labels.js";
import {documentHref, sourceLink} from "./source-link.js";
import {table, type Column} from "./table.js";

type Row = Record<string, any>;

/** The measures drawn as series on the entity page, in order. */
export const SERIES_MEASURES = ["grand_total", "expenditure", "basic", "project", "personnel", "public_expenses", "three_public_total", "agency_running_costs"];

const linesOf = (r: Row | undefined): number[] => (r ? (typeof r.source_lines === "string" ? JSON.parse(r.source_lines) : [r.source_line]) : []);

/** The page's address of an entity (the data version kept when given). */
export function entityHref(entity_id: string, version?: string | null): string {
  return `/entity#id=${encodeURIComponent(entity_id)}${version ? `&v=${encodeURIComponent(version)}` : ""}`;
}

/** One row per year × measure (× 类): the budget and final figures side by side, with their sources. */
export function sideBySide(panel: Row[], entity_id: string): Row[] {
  const groups = new Map<string, Row>();
  for (const p of panel.filter((r) => r.entity_id === entity_id)) {
    const key = `${p.year}|${p.measure}|${p.code ?? ""}`;
    const row = groups.get(key) ?? {year: p.year, measure: p.measure, code: p.code, label: p.label, execution_rate: p.execution_rate};
    row[p.phase] = p;
    groups.set(key, row);
  }
  return [...groups.values()].sort(
    (a, b) => a.year - b.year || String(a.measure).localeCompare(String(b.measure)) || String(a.code ?? "").localeCompare(String(b.code ?? ""))
  );
}

/** Vega-Lite small multiples: one panel per measure, budget and final over the years; derived figures hollow. */
export function seriesSpec(panel: Row[], entity_id: string): VisualizationSpec {
  const values = panel
    .filter((r) => r.entity_id === entity_id && SERIES_MEASURES.includes(r.measure))
    .map((r) => ({
      year: String(r.year),
      measure: r.label,
      order: SERIES_MEASURES.indexOf(r.measure),
      phase: label(KIND_LABEL, r.phase),
      amount_wan: r.amount_wan,
      derived: r.derived ? "derived 推算" : "printed 印载"
    }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: {values},
    facet: {field: "measure", type: "nominal", sort: {field: "order"}, title: null},
    columns: 4,
    resolve: {scale: {y: "independent"}},
    spec: {
      width: 150,
      height: 110,
      layer: [
        {
          mark: {type: "line", point: false},
          encoding: {
            x: {field: "year", type: "ordinal", title: null},
            y: {field: "amount_wan", type: "quantitative", title: "万元"},
            color: {field: "phase", type: "nominal", title: null}
          }
        },
        {
          mark: {type: "point", size: 60},
          encoding: {
            x: {field: "year", type: "ordinal"},
            y: {field: "amount_wan", type: "quantitative"},
            color: {field: "phase", type: "nominal"},
            shape: {field: "derived", type: "nominal", title: null},
            filled: {condition: {test: "datum.derived === 'derived 推算'", value: false}, value: true},
            tooltip: [{field: "measure"}, {field: "year"}, {field: "phase"}, {field: "amount_wan", format: ",.2f"}, {field: "derived"}]
          }
        }
      ]
    }
  } as unknown as VisualizationSpec;
}

/** A figure linked to where it was printed ("derived" noted), or "" when the phase has none. */
function figureCell(r: Row | undefined) {
  if (!r) return "";
  const link = sourceLink(r.doc_id, linesOf(r), money(r.amount_wan));
  return h(
    "span",
    {title: `${r.doc_id}: ${r.source_text ?? ""}`},
    link,
    r.derived ? h("span", {className: "bn-muted", text: ` (推算, ${r.doc_year} 文)`}) : null
  );
}

/** The entity's panel as a table: budget | final | execution, every figure a link to its line. */
export function panelTable(panel: Row[], entity_id: string): HTMLDivElement {
  const columns: Column<Row>[] = [
    {key: "year", label: "年度 Year", format: "text"},
    {key: "label", label: "指标 Measure", format: "text"},
    {label: "预算 Budget (万元)", align: "right", cell: (r) => figureCell(r.budget)},
    {label: "决算 Final (万元)", align: "right", cell: (r) => figureCell(r.final)},
    {key: "execution_rate", label: "执行率 Final ÷ budget", format: (v) => (v == null ? "" : percent(v))}
  ];
  return table(sideBySide(panel, entity_id), {columns, id: "entity-panel"});
}

/** The entity's documents over the years, each linked to its document page. */
export function documentsTable(documents: Row[], entity_id: string): HTMLDivElement {
  const rows = documents
    .filter((d) => d.entity_id === entity_id)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || String(a.doc_id).localeCompare(String(b.doc_id)));
  return table(rows, {
    id: "entity-documents",
    columns: [
      {key: "year", label: "年度 Year", format: "text"},
      {key: "kind", label: "类型 Kind", format: (v) => label(KIND_LABEL, v)},
      {key: "scope_zh", label: "范围 Scope", format: "text"},
      {key: "entity", label: "名称（原文）Name as printed", format: "text", href: (r) => documentHref(String(r.doc_id))},
      {key: "source_file", label: "文件 File", format: "text"}
    ]
  });
}

/** Who the entity is: name, scope, region code and level, parent and units, and why its documents were joined. */
export function entityHeader(entities: Row[], entity_id: string, version?: string | null): HTMLElement {
  const e = entities.find((x) => x.entity_id === entity_id);
  if (!e) return h("p", {className: "bn-status", text: `No entity ${entity_id} in this data.`});
  const parent = e.parent_id ? entities.find((x) => x.entity_id === e.parent_id) : null;
  const units = entities.filter((x) => x.parent_id === entity_id);
  const link = (x: Row) => h("a", {href: entityHref(x.entity_id, version), text: `${x.name}（${label(SCOPE_LABEL, x.scope)}）`});
  return h(
    "div",
    {id: "entity-header", data: {entity: entity_id}},
    h("h2", {text: `${e.name}（${label(SCOPE_LABEL, e.scope)}）`}),
    h(
      "dl",
      {className: "bn-meta"},
      h("dt", {text: "地区 Region"}),
      h("dd", {text: `${[e.province, e.city].filter(Boolean).join(" ") || e.region || "—"} · ${e.region_code ?? "no code"} · ${e.region_level ?? "—"}`}),
      h("dt", {text: "上级 Department"}),
      h("dd", {}, parent ? [link(parent), e.parent_rule ? h("span", {className: "bn-muted", text: ` — ${e.parent_rule}`}) : null] : "—"),
      h("dt", {text: "本级/单位 Units"}),
      h("dd", {}, units.length ? units.flatMap((u, i) => [i ? "，" : "", link(u)]) : "—"),
      h("dt", {text: "链接规则 Linking"}),
      h("dd", {}, h("code", {text: e.match_rule}), " ", h("span", {text: e.reason}))
    )
  );
}

/** Every entity, for the page without an id: name, scope, region, documents, years. */
export function entityList(entities: Row[], version?: string | null): HTMLDivElement {
  const rows = [...entities].sort(
    (a, b) => String(a.region_code ?? "").localeCompare(String(b.region_code ?? "")) || String(a.name).localeCompare(String(b.name))
  );
  return table(rows, {
    id: "entity-list",
    pageSize: 25,
    columns: [
      {key: "name", label: "名称 Name", format: "text", href: (r) => entityHref(r.entity_id, version)},
      {key: "scope", label: "范围 Scope", format: (v) => label(SCOPE_LABEL, v)},
      {key: "region_code", label: "代码 Code", format: "text"},
      {key: "region_level", label: "级别 Level", format: "text"},
      {key: "documents", label: "文档 Documents", format: "int"},
      {key: "first_year", label: "起 From", format: "text"},
      {key: "last_year", label: "止 To", format: "text"},
      {key: "match_rule", label: "规则 Rules", format: "text"}
    ]
  });
}
