/**
 * The output contract: the tables the extractor writes and that the site,
 * the notebooks and external users read. Column names are a public API:
 * add columns freely, never rename or drop one.
 */

import type { Measure } from "./measures.ts";
import type { PositionedLine } from "./geometry.ts";

export type CodeSystem = "functional" | "economic" | "budget_unit" | "none";
export type DocStatus = "ok" | "partial" | "error";
export type AmountUnit = "万元" | "元" | "亿元";
/** How a document's text holds its tables: plain text, Markdown tables (`|`), tab-separated cells. */
export type Layout = "text" | "markdown" | "tsv";
/** 预算 (budget) or 决算 (final accounts). */
export type DocKind = "budget" | "final";
/** A department's disclosure (部门, 汇总) or one unit's (单位, 本级). */
export type Scope = "department" | "unit";
/** What a table parser made of a section. */
export type ParseStatus = "ok" | "no_data" | "untrusted" | "partial";
/** A row of `tables`: the parse's status, or "error" (the parser failed) / "unparsed" (no parser). */
export type TableStatus = ParseStatus | "error" | "unparsed";

/** The standard table families; each has one parser (tables/parsers.ts), named in the catalogue. */
export type TableFamily =
  | "final_summary"
  | "final_fiscal_summary"
  | "final_income_by_code"
  | "final_expenditure_by_code"
  | "final_fiscal_detail"
  | "final_gpb_by_code"
  | "final_gpb_detail"
  | "final_gpb_basic_by_economic"
  | "final_gpb_project"
  | "final_gov_fund"
  | "final_state_capital"
  | "final_state_capital_expenditure"
  | "final_three_public"
  | "budget_summary"
  | "budget_fiscal_summary"
  | "budget_income"
  | "budget_expenditure"
  | "budget_fiscal_by_economic"
  | "budget_gpb_by_code"
  | "budget_gpb_basic_by_economic"
  | "budget_gpb_project"
  | "budget_three_public"
  | "budget_gov_fund"
  | "budget_gov_fund_three_public"
  | "budget_state_capital"
  // named by the meaning of their titles (segment/family.ts)
  | "budget_fiscal_by_code"
  | "budget_gpb_basic_by_code"
  | "budget_gpb_by_economic"
  | "budget_gpb_project_by_economic"
  | "budget_basic_by_economic"
  | "budget_project"
  | "budget_gov_fund_summary"
  | "budget_procurement"
  | "budget_agency_running_costs"
  // a numbered table whose title names no family we read: found, reported unparsed (no parser)
  | "unrecognised";

/** What ingest tells of a file: identity, encoding, line endings, layout. */
export interface FileFacts {
  /** Stable id derived from the decoded text (see ingest/read.ts docIdOf). */
  doc_id: string;
  source_file: string;
  sha256: string;
  bytes: number;
  /** "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be" */
  encoding: string;
  /** "lf" | "crlf" | "cr" | "mixed" | "none" */
  line_ending: string;
  layout: Layout;
  /** The file's format: text (.txt/.md/.tsv) or pdf (its text layer read by position). */
  source_format: "text" | "pdf";
  /** Pages of a PDF; null for text. */
  pages: number | null;
}

/** One decoded document: what ingest hands to every later stage. */
export interface SourceDocument extends FileFacts {
  /** Decoded lines without their line endings; lines[0] is source_line 1. */
  lines: string[];
  /** Problems met while decoding (each names the line where it applies). */
  warnings: string[];
  /**
   * For a PDF, the position of every line (index = source_line - 1): page,
   * bounding box and token x-spans; null for the `=== PAGE n ===` markers.
   */
  geometry?: Array<PositionedLine | null>;
}

/** A row of the `documents` table. */
export interface DocumentRow extends Omit<FileFacts, "layout"> {
  /** "unknown" when the file could not be decoded. */
  layout: Layout | "unknown";
  line_count: number;
  entity: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  level: string | null; // province | city | county | district
  /** GB/T 2260 codes (loaders/regions/codes.ts). */
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  region_code: string | null;
  region_level: string | null;
  /** Set by the batch stage that links documents to entities (loaders/panel/). */
  entity_id: string | null;
  year: number | null;
  kind: DocKind | null;
  scope: Scope | null;
  scope_zh: string | null; // 部门 | 汇总 | 单位 | 本级
  amount_unit: string | null;
  title: string | null;
  title_line: number | null;
  tables_found: number;
  numbers_extracted: number;
  facts_extracted: number;
  projects: number;
  indicators: number;
  checks_error: number;
  checks_warning: number;
  checks_info: number;
  residue_lines: number;
  status: DocStatus;
  message: string;
}

/** A standard table located in a document. */
export interface TableSection {
  /** As printed: 财决公开03表, 公开05表, 表1-2; the title where no number is printed. */
  table_id: string;
  /** The standard name as printed, without year or 部门/单位 prefix. */
  table_name: string;
  /** Which parser handles it (see the catalogue). */
  family: TableFamily;
  /** 1-based line of the title. */
  title_line: number;
  /** 1-based first and last line (inclusive) of the section body. */
  start_line: number;
  end_line: number;
  /** Money unit stated in the table header, else the document's. */
  unit: AmountUnit;
  /** Whether the unit was stated in the table's header (else it is the document's). */
  unit_stated?: boolean;
}

/** A row of the `tables` table: every standard table found. */
export interface TableRow extends Omit<TableSection, "unit" | "unit_stated"> {
  doc_id: string;
  unit: string;
  status: TableStatus;
  rows: number;
  numbers: number;
  residue_lines: number;
  message: string;
}

/** A row of `line_items`: one number printed in a standard table. */
export interface LineItem {
  doc_id: string;
  table_id: string;
  table_name: string;
  row_label: string;
  code: string | null;
  code_system: CodeSystem;
  code_level: number | null; // 1 类 / 2 款 / 3 项 (economic: 1 类 / 2 款 / 3 sub-item)
  parent_code: string | null;
  is_leaf: boolean | null;
  unit_code: string | null;
  measure: Measure;
  column_label: string;
  value: number;
  unit: string;
  amount_wan: number | null;
  inferred: boolean;
  rule: string | null;
  source_line: number;
  source_text: string;
  /** Order of the row within its table (1-based), for rebuilding the table. */
  row_index: number;
  /** Side of a two-sided table (income / expenditure) or column group name, else null. */
  side: string | null;
  /** Row number (行次) where printed. */
  line_no: number | null;
}

export interface ClassificationRow {
  code: string;
  code_system: CodeSystem;
  level: number;
  name_zh: string;
  name_en: string | null;
  parent_code: string | null;
}

export interface ResidueRow {
  doc_id: string;
  table_id: string | null;
  source_line: number;
  source_text: string;
  reason: string;
}

/** What a table parser returns for one section. */
export interface TableParse {
  items: LineItem[];
  residue: ResidueRow[];
  status: ParseStatus;
  message: string;
}

/** Context given to a table parser. */
export interface TableContext {
  doc: SourceDocument;
  section: TableSection;
  /**
   * Every table section of the document as segmentation found it: a parser
   * may read their text (e.g. the unit directory of 表1-1), never another
   * table's reading — readings of other tables come only in the cross-table
   * pass, as CrossTableEvidence.
   */
  sections: TableSection[];
}

/**
 * What the cross-table pass (tables/cross-table.ts) gives a pending reading:
 * the other tables of the document, each read once, after the first pass.
 */
export interface CrossTableEvidence {
  /** The document's first section of the family, or null. */
  section(family: TableFamily): TableSection | null;
  /** The settled reading of that section by its family's parser, or null when the document has no such table. */
  reading(family: TableFamily): TableParse | null;
}

/**
 * A first-pass reading with rows whose reading depends on another table:
 * the parser stopped where that table's evidence is needed; `settle`
 * finishes the reading with it in the cross-table pass.
 */
export interface PendingReading {
  pending: {
    /** The families whose readings `settle` reads (and may read only). */
    needs: TableFamily[];
    /** Which rows wait, e.g. "合计 row with vanished cells". */
    rows: string;
    settle(evidence: CrossTableEvidence): TableParse;
  };
}

/** A parser's first-pass reading of its table on its own: final, or pending on other tables. */
export type TableReading = TableParse | PendingReading;

export type TableParser = (ctx: TableContext) => TableReading;
