/**
 * Report (not a test): every PDF in ../shared/corpus and ../shared/external
 * read directly and compared with its extracted-text twin: status, tables,
 * numbers placed from the PDF and from the twin, numbers placed by position,
 * pages, seconds, lines of the PDF's text that differ from the twin, rows
 * left with ambiguous columns, and the unplaced lines (lines with numbers
 * that no table placed: ambiguous or identity-breaking rows, untrusted
 * tables, headers not recognised), listed by line number after the table.
 *   npx tsx bench/pdf-report.ts [folder...]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractBytes, listInputs } from "../loaders/extract.ts";
import { GEOMETRY_RULE } from "../loaders/tables/placement/index.ts";

const shared = join(import.meta.dirname, "..", "..", "shared");
const folders = process.argv.slice(2).length ? process.argv.slice(2) : [join(shared, "corpus"), join(shared, "external")];
if (!folders.every(existsSync)) {
  console.log(`skipped: ${folders.filter((f) => !existsSync(f)).join(", ")} absent`);
  process.exit(0);
}
const pdfs = listInputs(folders).filter((f) => /\.pdf$/i.test(f));
/** Residue reasons of a line whose numbers a table did not place. */
const UNPLACED = /ambiguous columns|no column reading keeps|untrusted table|header was not recognised|columns without a known header|economic rows split/;
console.log("| PDF | status | tables | numbers from PDF | by position | numbers from .txt twin | pages | seconds | lines ≠ twin | ambiguous rows | unplaced lines |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const unplacedOf: Array<[string, number[]]> = [];
let pages = 0;
let seconds = 0;
let bytes = 0;
for (const pdf of pdfs) {
  const data = new Uint8Array(readFileSync(pdf));
  const t0 = performance.now();
  const d = extractBytes(data, pdf);
  const s = (performance.now() - t0) / 1000;
  const twinPath = pdf.replace(/\.pdf$/i, ".txt");
  const twin = existsSync(twinPath) ? extractBytes(new Uint8Array(readFileSync(twinPath)), twinPath) : null;
  const twinLines = new Set(twin?.source?.lines ?? []);
  const differ = twin ? (d.source?.lines ?? []).filter((l) => !twinLines.has(l)).length : "–";
  const byPosition = d.line_items.filter((i) => i.rule === GEOMETRY_RULE).length;
  const ambiguous = d.residue.filter((r) => /ambiguous columns/.test(r.reason)).length;
  const unplaced = [...new Set(d.residue.filter((r) => UNPLACED.test(r.reason) && /\d/.test(r.source_text)).map((r) => r.source_line))].sort((a, b) => a - b);
  pages += d.document.pages ?? 0;
  seconds += s;
  bytes += data.length;
  const name = pdf.split("/").pop()!;
  unplacedOf.push([name, unplaced]);
  console.log(`| ${name} | ${d.document.status} | ${d.document.tables_found} | ${d.document.numbers_extracted} | ${byPosition} | ${twin?.document.numbers_extracted ?? "–"} | ${d.document.pages} | ${s.toFixed(2)} | ${differ} | ${ambiguous} | ${unplaced.length} |`);
}
console.log("\nUnplaced lines (line numbers of the PDF's text; pages in the pages table):");
for (const [name, lines] of unplacedOf) console.log(`  ${name}: ${lines.length ? lines.join(", ") : "none"}`);
console.log(`\n${pdfs.length} PDFs, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${(pages / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s (whole pipeline, one process)`);
