/**
 * Report (not a test): every PDF in ../shared/corpus and ../shared/external
 * read directly and compared with its extracted-text twin: status, tables,
 * numbers placed from the PDF and from the twin, numbers placed by position,
 * pages, seconds, lines of the PDF's text that differ from the twin, rows
 * left without columns (ambiguous, or no reading keeps the identities), the
 * 收支总表's grand totals, and the unplaced lines (lines with numbers that no
 * table placed), listed by line number after the table. Then PASS / FAIL for
 * each "Done when" item of issue #11 that the report can measure.
 *   npx tsx bench/pdf-report.ts [folder-or-pdf...]
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {summaryTotals} from "../loaders/coverage.ts";
import {extractBytes, listInputs} from "../loaders/extract.ts";
import {GEOMETRY_RULE} from "../loaders/tables/placement/index.ts";
import {unplacedLines} from "../loaders/tables/unplaced.ts";

const shared = join(import.meta.dirname, "..", "..", "shared");
const folders = process.argv.slice(2).length ? process.argv.slice(2) : [join(shared, "corpus"), join(shared, "external")];
if (!folders.every(existsSync)) {
  console.log(`skipped: ${folders.filter((f) => !existsSync(f)).join(", ")} absent`);
  process.exit(0);
}
const pdfs = listInputs(folders).filter((f) => /\.pdf$/i.test(f));
/** Residue reasons of a row whose columns were not decided. */
const NO_COLUMNS = /ambiguous columns|no column reading keeps/;
console.log(
  "| PDF | status | tables | numbers from PDF | by position | numbers from .txt twin | pages | seconds | lines ≠ twin | rows without columns | 收入总计 / 支出总计 | unplaced lines |"
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
interface Result {
  name: string;
  unplaced: number[];
  honest: boolean;
  noColumns: number;
  totals: boolean;
  enough: boolean;
}
const results: Result[] = [];
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
  const noColumns = new Set(d.residue.filter((r) => NO_COLUMNS.test(r.reason) && /\d/.test(r.source_text)).map((r) => r.source_line)).size;
  const unplaced = unplacedLines(d.residue);
  const {income, expenditure} = summaryTotals(d);
  const named =
    d.document.message
      .match(/numbers not placed on \d+ line\(s\): ([\d, ]+)/)?.[1]
      .split(", ")
      .map(Number) ?? [];
  const honest = d.document.status === "ok" ? unplaced.length === 0 : d.document.status === "partial" && unplaced.every((l) => named.includes(l));
  pages += d.document.pages ?? 0;
  seconds += s;
  bytes += data.length;
  const name = pdf.split("/").pop()!;
  results.push({
    name,
    unplaced,
    honest,
    noColumns,
    totals: income !== null && expenditure !== null,
    enough: !twin || d.document.numbers_extracted >= twin.document.numbers_extracted
  });
  const totals = `${income?.value ?? "–"} / ${expenditure?.value ?? "–"}`;
  console.log(
    `| ${name} | ${d.document.status} | ${d.document.tables_found} | ${d.document.numbers_extracted} | ${byPosition} | ${twin?.document.numbers_extracted ?? "–"} | ${d.document.pages} | ${s.toFixed(2)} | ${differ} | ${noColumns} | ${totals} | ${unplaced.length} |`
  );
}
console.log("\nUnplaced lines (line numbers of the PDF's text; pages in the pages table):");
for (const r of results) console.log(`  ${r.name}: ${r.unplaced.length ? r.unplaced.join(", ") : "none"}`);
console.log(
  `\n${pdfs.length} PDFs, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${(pages / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s (whole pipeline, one process)`
);
const verdict = (label: string, failing: string[]) =>
  console.log(`${failing.length ? "FAIL" : "PASS"}  ${label}${failing.length ? `: ${failing.join(", ")}` : ""}`);
console.log("\nDone when (issue #11), per PDF:");
verdict(
  "status ok, or partial with every unplaced line named in its message",
  results.filter((r) => !r.honest).map((r) => r.name)
);
verdict(
  "no row left without columns (ambiguous)",
  results.filter((r) => r.noColumns > 0).map((r) => `${r.name} (${r.noColumns})`)
);
verdict(
  "收支总表's 收入总计 and 支出总计 placed",
  results.filter((r) => !r.totals).map((r) => r.name)
);
verdict(
  "at least as many numbers placed as from the .txt twin",
  results.filter((r) => !r.enough).map((r) => r.name)
);
