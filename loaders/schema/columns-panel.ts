/** Column specs of the batch tables built after the per-document pipeline (rows built by loaders/panel/). */
import { b, d, i, s, type TableSpecOut } from "./columns.ts";

export const ENTITIES: TableSpecOut = {
  name: "entities",
  description:
    "One row per disclosing body: the same body across years and document kinds is one entity; a department's consolidated accounts (部门/汇总) and its own unit's accounts (单位/本级) are two, the unit's parent being the department. match_rule and reason say why documents were joined.",
  columns: [
    s("entity_id", "Stable id: a hash of region code, identifying name and scope"),
    s("name", "Name as printed in the latest document, without its scope marker"),
    s("names", "Every name printed by its documents (JSON array)"),
    s("bare_name", "The identifying name within the region: scope marker, 中共 prefix and region names removed"),
    s("scope", "department (部门/汇总 accounts) or unit (单位/本级/机关 accounts)"),
    s("region", "Region as printed"),
    s("province", "Province: its name in the division list where the code was found, else as printed"),
    s("city", "Prefecture-level city: its name in the division list where the code was found, else as printed"),
    s("region_code", "GB/T 2260 code of the region (the most specific of province, city, county)"),
    s("province_code", "GB/T 2260 code of the province"),
    s("city_code", "GB/T 2260 code of the prefecture-level city, where there is one"),
    s("county_code", "GB/T 2260 code of the county or district, where there is one"),
    s("region_level", "province, city, district or county, read from region_code"),
    s("parent_id", "For unit accounts: the department they belong to (entities.entity_id)"),
    s("parent_rule", "Why that parent: the 主管部门 stated, or 本级 accounts of the department of the same name"),
    i("documents", "Documents of this entity (0 for a department known only as a unit's parent)"),
    i("first_year", "Earliest year of its documents"),
    i("last_year", "Latest year of its documents"),
    s("match_rule", "Rules that joined its documents: same_body, single_document, scope_marker, cpc_prefix, region_prefix, renamed_in_text, parent_only"),
    s("reason", "Plain account of the linking: region, identifying name, scope, each document with its printed name, renamings stated (document and line)"),
  ],
};

export const PANEL: TableSpecOut = {
  name: "panel",
  description:
    "Entity × year × phase (budget 预算 / final 决算) × measure, in 万元, each with the line it was printed on. Budget and final of the same entity-year sit on both rows (execution_rate = final ÷ budget). Earlier-year figures a later document states fill years without a document, marked derived.",
  columns: [
    s("entity_id", "The entity (entities.entity_id)"),
    i("year", "Year the figure refers to"),
    s("phase", "budget (预算) or final (决算)"),
    s("measure", "Panel measure (see the panel measures below); function_class rows carry the 类 code"),
    s("code", "Functional classification 类 code, for function_class"),
    s("label", "Measure in Chinese, or code and name of the 类"),
    d("amount_wan", "The figure in 万元", "万元"),
    b("derived", "True for an earlier-year figure stated or implied by a later document (上年决算数, 较上年增减)"),
    s("basis", "table, sum over units, sum over funds (a “三公” table split by fund), sum of 项 rows, prose, prior-year stated, prior-year change"),
    s("doc_id", "Document the figure was read from"),
    i("doc_year", "Year of that document (differs from year for derived rows)"),
    s("table_id", "Table the figure was read from, where any"),
    i("source_line", "Line on which the figure (or the first of its parts) is printed"),
    s("source_lines", "Every line summed into the figure (JSON array)"),
    s("source_text", "The line, as printed"),
    s("formula", "How a derived figure was computed"),
    d("budget_wan", "Budget figure of the same entity, year and measure", "万元"),
    d("final_wan", "Final figure of the same entity, year and measure", "万元"),
    d("execution_rate", "final_wan ÷ budget_wan, where both exist"),
  ],
};
