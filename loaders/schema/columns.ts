/**
 * Column specifications of every output table: name, type and meaning.
 * Writers (Arrow, Parquet), the data dictionary page and the Frictionless
 * datapackage.json all read this one list.
 */

export type ColumnType = "string" | "double" | "int" | "bool";

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** For money columns: the unit (万元) so downloads can say so. */
  unit?: string;
}

/** Name of an output table (one file per table and format). */
export type OutputName =
  | "documents"
  | "tables"
  | "line_items"
  | "narrative_facts"
  | "performance_projects"
  | "performance_indicators"
  | "checks"
  | "classifications"
  | "residue"
  | "pages"
  | "entities"
  | "panel";

export interface TableSpecOut {
  name: OutputName;
  description: string;
  columns: Column[];
}

/** Column builders: string, double (with an optional unit), int, bool. */
export const s = (name: string, description: string): Column => ({ name, type: "string", description });
export const d = (name: string, description: string, unit?: string): Column => ({ name, type: "double", description, unit });
export const i = (name: string, description: string): Column => ({ name, type: "int", description });
export const b = (name: string, description: string): Column => ({ name, type: "bool", description });

const DOC_ID = s("doc_id", "Document id, derived from the decoded text (stable across encodings and line endings)");
const SOURCE_LINE = i("source_line", "1-based line of the decoded document on which the value is printed");
const SOURCE_TEXT = s("source_text", "That line, as printed");

export const DOCUMENTS: TableSpecOut = {
  name: "documents",
  description: "One row per input document: provenance, metadata read from the content, and extraction status.",
  columns: [
    DOC_ID,
    s("source_file", "Path of the file as given to the extractor"),
    s("sha256", "SHA-256 of the file's bytes"),
    i("bytes", "File size in bytes"),
    s("encoding", "Detected encoding: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be"),
    s("line_ending", "lf, crlf, cr, mixed or none"),
    s("layout", "text, markdown or tsv"),
    s("source_format", "text (.txt, .md, .tsv) or pdf (its text layer read by position; encoding is then pdf)"),
    i("pages", "Pages of a PDF (null for text); the pages table maps its lines to pages"),
    i("line_count", "Number of decoded lines"),
    s("entity", "The disclosing department or unit, as printed (e.g. 贵州省医疗保障局（本级）)"),
    s("region", "Province + city/district"),
    s("province", "Province-level division"),
    s("city", "Prefecture-level city, where there is one"),
    s("level", "province, city, county or district"),
    s("province_code", "GB/T 2260 code (6 digits) of the province, from the national division list; null when not named or not found (see message)"),
    s("city_code", "GB/T 2260 code of the prefecture-level city, where there is one"),
    s("county_code", "GB/T 2260 code of the county or district, where there is one"),
    s("region_code", "The most specific of the three codes; null when a named part was not found or was ambiguous"),
    s("region_level", "Level read from region_code: province, city, district (市辖区) or county (县, 县级市)"),
    s("entity_id", "The disclosing body (entities.entity_id): the same across years and kinds, distinct for 部门 and 本级 accounts"),
    i("year", "Fiscal year the document reports on"),
    s("kind", "budget (预算) or final (决算)"),
    s("scope", "department (部门/汇总) or unit (单位/本级)"),
    s("scope_zh", "Scope as printed: 部门, 汇总, 单位, 本级"),
    s("amount_unit", "Money unit of the standard tables: 万元 or 元"),
    s("title", "Title line(s), where the document has one"),
    i("title_line", "Line of the title"),
    i("tables_found", "Standard tables found"),
    i("numbers_extracted", "Rows of line_items for this document"),
    i("facts_extracted", "Rows of narrative_facts for this document"),
    i("projects", "Rows of performance_projects for this document"),
    i("indicators", "Rows of performance_indicators for this document"),
    i("checks_error", "Audit findings of severity error"),
    i("checks_warning", "Audit findings of severity warning"),
    i("checks_info", "Audit findings of severity info (rounding)"),
    i("residue_lines", "Rows of residue for this document"),
    s("status", "ok, partial or error"),
    s("message", "What went wrong or is worth knowing, naming file and line"),
  ],
};

export const TABLES: TableSpecOut = {
  name: "tables",
  description: "One row per standard table found in a document.",
  columns: [
    DOC_ID,
    s("table_id", "Table number as printed (财决公开03表, 公开05表, 表1-2), else its title"),
    s("table_name", "Standard name as printed"),
    s("family", "Parser family (see segment/catalogue.ts)"),
    i("title_line", "Line of the title"),
    i("start_line", "First line of the section"),
    i("end_line", "Last line of the section"),
    s("unit", "Money unit stated in the table header"),
    s("status", "ok, no_data, untrusted, partial, unparsed or error"),
    i("rows", "Distinct table rows with numbers"),
    i("numbers", "Numbers extracted (rows of line_items)"),
    i("residue_lines", "Lines of the section kept in residue"),
    s("message", "Notes: the no-data note, why a table is untrusted, …"),
  ],
};

export const LINE_ITEMS: TableSpecOut = {
  name: "line_items",
  description: "One row per number printed in a standard table, with its code, column and source line.",
  columns: [
    DOC_ID,
    s("table_id", "Table number as printed"),
    s("table_name", "Standard table name"),
    s("row_label", "Row name as printed (wrapped lines joined)"),
    s("code", "Classification code (3/5/7 digits) or budget-unit code, where printed"),
    s("code_system", "functional, economic, budget_unit or none"),
    i("code_level", "1 类, 2 款, 3 项"),
    s("parent_code", "Code of the parent level"),
    b("is_leaf", "True where no child code of this code is in the same table"),
    s("unit_code", "Budget unit the row belongs to, where the table splits by unit: its code as printed, else its name (a unit printed without a code)"),
    s("measure", "What the column holds, from the measure vocabulary"),
    s("column_label", "Column header as printed"),
    d("value", "The number as printed, in `unit`"),
    s("unit", "Unit of `value` as printed: 万元, 元, %, …"),
    d("amount_wan", "Money in 万元 (10,000 yuan); null for non-money values", "万元"),
    b("inferred", "True where the column was decided by reasoning (cells dropped by the extraction)"),
    s("rule", "The reasoning used, where inferred"),
    SOURCE_LINE,
    SOURCE_TEXT,
    i("row_index", "Order of the row in its table (1-based)"),
    s("side", "income / expenditure in two-sided tables, or the column group of side-by-side tables"),
    i("line_no", "行次 (row number) where printed"),
  ],
};

export const CLASSIFICATIONS: TableSpecOut = {
  name: "classifications",
  description: "Every classification code met, with its Chinese name as printed and an English name.",
  columns: [
    s("code", "The code"),
    s("code_system", "functional, economic or budget_unit"),
    i("level", "1 类, 2 款, 3 项"),
    s("name_zh", "Name as printed (the most frequent spelling)"),
    s("name_en", "English name, written by us"),
    s("parent_code", "Parent code"),
  ],
};

export const RESIDUE: TableSpecOut = {
  name: "residue",
  description: "Every non-blank line inside a table (or a prose/performance line with numbers) that produced no number, with the reason. Nothing is dropped silently.",
  columns: [DOC_ID, s("table_id", "Table the line belongs to, where any"), SOURCE_LINE, SOURCE_TEXT, s("reason", "Why the line gave no number")],
};

export const PAGES: TableSpecOut = {
  name: "pages",
  description:
    "One row per page of a PDF document: the lines printed on it. The page of any row with a source_line is the row of its doc_id whose first_line ≤ source_line ≤ last_line. Text documents have no rows.",
  columns: [
    DOC_ID,
    i("page", "1-based page number of the PDF"),
    i("first_line", "Line of the page's `=== PAGE n ===` marker (the page's first line)"),
    i("last_line", "Last line printed on the page"),
    i("text_lines", "Lines of text on the page (0: no text layer, e.g. a scanned image)"),
  ],
};
