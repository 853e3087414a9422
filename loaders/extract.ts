/**
 * The pipeline, one stage a line in `extractBytes`: ingest → document
 * metadata → segmentation (once) → standard tables, first pass (each on its
 * own) → cross-table pass (pending readings settled with evidence from the
 * other tables) → table rows → prose, 绩效 → audit → rows. The CLI and the site's data loaders
 * both call `extractFiles`, so they can never disagree.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readMetadata } from "./document/metadata.ts";
import { regionCodes, type RegionCodes } from "./regions/codes.ts";
import { IngestError } from "./ingest/decode.ts";
import { markDuplicates } from "./document/duplicates.ts";
import { looksLikePdf } from "./ingest/pdf/document.ts";
import { isPdfName, pagesOf, readSource, type PageRow } from "./ingest/source.ts";
import { classificationsOf } from "./schema/classifications.ts";
import type { AmountUnit, ClassificationRow, DocumentRow, LineItem, ResidueRow, SourceDocument, TableRow } from "./schema/types.ts";
import { segmentDocument, unreadBlocks, type Segmentation } from "./segment/index.ts";
import { extractNarrative } from "./prose/index.ts";
import type { NarrativeFact } from "./prose/types.ts";
import { extractPerformance } from "./performance/index.ts";
import type { PerformanceIndicator, PerformanceProject } from "./performance/types.ts";
import { auditWithStats } from "./audit/index.ts";
import type { AuditStat, Check } from "./audit/types.ts";
import { readAlone, settlePending } from "./tables/cross-table.ts";
import { extractTables } from "./tables/extract.ts";
import { unplacedMessage } from "./tables/unplaced.ts";
import { reasonKind, unplacedAmounts } from "./coverage.ts";
import { panelStage, statedRenames, type EntityRow, type PanelRow, type StatedRename } from "./panel/index.ts";

/** The rows one document contributes to each per-document output table. */
export interface DocumentRows {
  tables: TableRow[];
  line_items: LineItem[];
  narrative_facts: NarrativeFact[];
  performance_projects: PerformanceProject[];
  performance_indicators: PerformanceIndicator[];
  checks: Check[];
  residue: ResidueRow[];
  pages: PageRow[];
}

/** Every output table of a corpus. */
export interface Extraction extends DocumentRows {
  documents: DocumentRow[];
  classifications: ClassificationRow[];
  /** Built over the whole batch after the per-document pipeline (loaders/panel/). */
  entities: EntityRow[];
  panel: PanelRow[];
  /** Renamings stated by the documents (not an output table: the writers rebuild entities from them). */
  renames?: StatedRename[];
}

/** Files to read: the paths given, folders walked recursively for .txt, .md, .tsv and .pdf, sorted. */
export function listInputs(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith(".")) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory() || /\.(txt|md|markdown|tsv|pdf)$/i.test(name)) walk(child);
      }
    } else files.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(files)];
}

const NO_REGION_CODES: RegionCodes = { province_code: null, city_code: null, county_code: null, region_code: null, region_level: null };

function errorRow(source_file: string, bytes: Uint8Array, message: string): DocumentRow {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return {
    doc_id: `x${sha256.slice(0, 12)}`,
    source_file,
    sha256,
    bytes: bytes.length,
    encoding: "unknown",
    line_ending: "unknown",
    layout: "unknown",
    source_format: looksLikePdf(bytes) || isPdfName(source_file) ? "pdf" : "text",
    pages: null,
    line_count: 0,
    entity: null,
    region: null,
    province: null,
    city: null,
    level: null,
    ...NO_REGION_CODES,
    entity_id: null,
    year: null,
    kind: null,
    scope: null,
    scope_zh: null,
    amount_unit: null,
    title: null,
    title_line: null,
    tables_found: 0,
    numbers_extracted: 0,
    facts_extracted: 0,
    projects: 0,
    indicators: 0,
    checks_error: 0,
    checks_warning: 0,
    checks_info: 0,
    residue_lines: 0,
    status: "error",
    message,
  };
}

/** Fresh empty row lists of one document (never shared between results). */
const empty = (): DocumentRows => ({
  tables: [],
  line_items: [],
  narrative_facts: [],
  performance_projects: [],
  performance_indicators: [],
  checks: [],
  residue: [],
  pages: [],
});

export interface DocumentExtraction extends DocumentRows {
  /** Renamings the text states (X更名为Y), for linking entities across documents (panel/). */
  renames?: StatedRename[];
  document: DocumentRow;
  source?: SourceDocument;
  /** The document's segmentation (absent when it could not be read). */
  segments?: Segmentation;
  /** True when the file could not be read as text at all (empty, binary, undecodable, I/O error). */
  unreadable?: boolean;
  /** Per audit rule: checks performed and findings (for the audit report; absent when unreadable). */
  audit_stats?: AuditStat[];
}

/** Extract one document from its bytes. Never throws for bad input: the row says what went wrong. */
export function extractBytes(bytes: Uint8Array, source_file: string): DocumentExtraction {
  let doc: SourceDocument;
  try {
    // ingest: bytes → decoded lines (a PDF: positioned lines from its text layer)
    doc = readSource(bytes, source_file);
  } catch (err) {
    const message = err instanceof IngestError ? err.message : `${source_file}: ${(err as Error).message}`;
    return { document: errorRow(source_file, bytes, message), ...empty(), unreadable: true };
  }
  // document: entity, year, kind, scope and money unit, from wherever the text states them
  const meta = readMetadata(doc.lines);
  const unit = meta.amount_unit as AmountUnit;
  const context = { amount_unit: unit, year: meta.year };
  // segment, once: standard-table sections, 绩效 blocks, prose lines, table-like blocks
  const segments = segmentDocument(doc, unit, meta.kind);
  // tables, first pass: each standard table read on its own; rows whose reading depends on another table left pending
  const firstPass = readAlone(doc, segments.sections);
  // tables, cross-table pass: pending readings settled with evidence from the other tables' readings
  const readings = settlePending(segments.sections, firstPass);
  // tables: every line of every table accounted for (items, residue, the table's row and status)
  const tables = extractTables(doc, segments.sections, readings);
  // prose: the figures stated in the text
  const prose = extractNarrative(doc, segments, context);
  // 绩效: the performance tables
  const performance = extractPerformance(doc, segments.performance, context);
  const residue = [...tables.residue, ...prose.residue, ...performance.residue].sort((a, b) => a.source_line - b.source_line);
  // audit: totals against parts, table against table, prose against tables, 绩效 arithmetic
  const { checks, stats: audit_stats } = auditWithStats({
    doc: { doc_id: doc.doc_id, source_file, kind: meta.kind, year: meta.year, entity: meta.entity, scope_zh: meta.scope_zh },
    items: tables.items,
    facts: prose.facts,
    projects: performance.projects,
    indicators: performance.indicators,
    tables: tables.tables,
    lines: doc.lines,
  });
  // rows: the document's row, with an honest status
  const messages = [...doc.warnings, ...tables.messages];
  // a PDF: every line whose numbers no table placed, named (a researcher can go to each);
  // text input keeps the messages it always had (its outputs stay byte-identical)
  const unplaced = doc.source_format === "pdf" ? unplacedMessage(source_file, tables.residue) : null;
  if (unplaced) messages.push(unplaced);
  const unread = unreadBlocks(segments);
  if (unread.length > 0) {
    const b = unread[0];
    const more = unread.length > 1 ? ` (and ${unread.length - 1} more)` : "";
    messages.push(
      `${source_file}:${b.start_line}: table-like block of ${b.amount_lines} lines with amounts not read as a standard table${more}: ${doc.lines[b.start_line - 1].trim().slice(0, 60)}`,
    );
  }
  if (!meta.entity) messages.push(`${source_file}: entity not found in the text`);
  if (!meta.year) messages.push(`${source_file}: year not found in the text`);
  if (!meta.kind) messages.push(`${source_file}: neither budget nor final accounts: unknown layout`);
  const { messages: regionMessages, ...codes } = regionCodes(meta);
  for (const m of regionMessages) messages.push(`${source_file}: region: ${m}`);
  const broken = tables.tables.some((t) => t.status === "error" || t.status === "partial" || t.status === "unparsed");
  let status: DocumentRow["status"] =
    (!meta.kind && segments.sections.length === 0) || broken || unplaced !== null || unread.length > 0 || doc.warnings.length > 0 ? "partial" : "ok";
  // a document read otherwise in full whose table-like blocks print amounts that no table or 绩效 row placed
  // (an untrusted table, funding sources without a column) says so: ok means every amount was read
  if (status === "ok") {
    const lines = unplacedAmounts({
      line_items: tables.items,
      performance_projects: performance.projects,
      performance_indicators: performance.indicators,
      residue,
      source: doc,
      segments,
    });
    const missed = lines.filter((u) => u.amounts.length > 0);
    if (missed.length > 0) {
      status = "partial";
      const count = missed.reduce((a, u) => a + u.amounts.length, 0);
      const printed = lines.reduce((a, u) => a + u.printed, 0);
      const first = missed[0];
      messages.push(
        `${source_file}:${first.line}: ${count} of ${printed} amounts printed in table-like blocks not placed, on ${missed.length} line(s) (the first: ${first.reason ? reasonKind(first.reason) : "on no row"})`,
      );
    }
  }
  const { province, city, region, level, entity, year, kind, scope, scope_zh, amount_unit, title, title_line } = meta;
  const document: DocumentRow = {
    doc_id: doc.doc_id,
    source_file,
    sha256: doc.sha256,
    bytes: doc.bytes,
    encoding: doc.encoding,
    line_ending: doc.line_ending,
    layout: doc.layout,
    source_format: doc.source_format,
    pages: doc.pages,
    line_count: doc.lines.length,
    entity,
    region,
    province,
    city,
    level,
    ...codes,
    entity_id: null,
    year,
    kind,
    scope,
    scope_zh,
    amount_unit,
    title,
    title_line,
    tables_found: tables.tables.length,
    numbers_extracted: tables.items.length,
    facts_extracted: prose.facts.length,
    projects: performance.projects.length,
    indicators: performance.indicators.length,
    checks_error: checks.filter((c) => c.severity === "error").length,
    checks_warning: checks.filter((c) => c.severity === "warning").length,
    checks_info: checks.filter((c) => c.severity === "info").length,
    residue_lines: residue.length,
    status,
    message: messages.join("\n"),
  };
  return {
    document,
    tables: tables.tables,
    line_items: tables.items,
    narrative_facts: prose.facts,
    performance_projects: performance.projects,
    performance_indicators: performance.indicators,
    checks,
    audit_stats,
    residue,
    pages: pagesOf(doc),
    source: doc,
    renames: statedRenames(doc.doc_id, doc.lines),
    segments,
  };
}

export function extractFile(path: string, source_file = path): DocumentExtraction {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    return { document: errorRow(source_file, new Uint8Array(), `${source_file}: cannot read: ${(err as Error).message}`), ...empty(), unreadable: true };
  }
  return extractBytes(bytes, source_file);
}

/**
 * Extract many files in memory (tests, small folders; a corpus goes through
 * batch/run.ts). `root` makes source_file relative (stable across machines);
 * a second copy of a document is reported, not extracted twice
 * (document/duplicates.ts chooses which copy).
 */
export function extractFiles(
  paths: string[],
  options: { root?: string; onDocument?: (d: DocumentExtraction, index: number, total: number) => void } = {},
): Extraction {
  const files = listInputs(paths);
  const results = files.map((path) => extractFile(path, options.root ? relative(options.root, path) : path));
  const dropped = markDuplicates(new Map(results.map((d, i) => [i, d.document])));
  results.forEach((d, i) => options.onDocument?.(d, i, files.length));
  const out: Extraction = { documents: results.map((d) => d.document), classifications: [], entities: [], panel: [], ...empty() };
  const renames: StatedRename[] = [];
  results.forEach((d, i) => {
    if (dropped.has(i)) return;
    for (const key of Object.keys(empty()) as Array<keyof DocumentRows>) (out[key] as object[]).push(...d[key]);
    renames.push(...(d.renames ?? []));
  });
  out.classifications = classificationsOf(out.line_items);
  out.renames = renames;
  // a duplicate copy is not linked: its rows were not kept
  Object.assign(out, panelStage({ ...out, documents: results.filter((_, i) => !dropped.has(i)).map((d) => d.document), renames }));
  return out;
}
