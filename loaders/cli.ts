/**
 * Command line:
 *   extract <file-or-folder>... --out <dir>   write every output table as Parquet and Arrow
 *   audit <file>                              print the audit report of one document
 *   coverage <file-or-folder>...              print how many amounts of the table-like blocks were placed
 */
import { resolve } from "node:path";
import { extractFile, extractFiles, type DocumentExtraction } from "./extract.ts";
import { writeOutputs } from "./write/outputs.ts";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: extract <file-or-folder>... --out <dir>\n       audit <file>\n       coverage <file-or-folder>...");
  process.exit(2);
}

function summary(d: DocumentExtraction): string {
  const doc = d.document;
  const what = [doc.entity ?? "?", doc.year ?? "?", doc.kind ?? "?", doc.scope_zh ?? ""].join(" ").trim();
  return `${doc.status.padEnd(7)} ${doc.source_file}  ${what}  tables=${doc.tables_found} numbers=${doc.numbers_extracted} facts=${doc.facts_extracted} projects=${doc.projects} indicators=${doc.indicators} checks=${doc.checks_error}E/${doc.checks_warning}W/${doc.checks_info}I residue=${doc.residue_lines}`;
}

function progress(index: number, total: number): void {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const done = Math.round(((index + 1) / total) * width);
  process.stdout.write(`\r[${"#".repeat(done)}${".".repeat(width - done)}] ${index + 1}/${total}`);
  if (index + 1 === total) process.stdout.write("\r\x1b[K");
}

async function extract(args: string[]): Promise<number> {
  const outAt = args.indexOf("--out");
  if (outAt < 0 || !args[outAt + 1]) usage("extract: --out <dir> is required");
  const out = args[outAt + 1];
  const inputs = args.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (inputs.length === 0) usage("extract: no input files");
  let unreadable = 0;
  const lines: string[] = [];
  const started = performance.now();
  const extraction = extractFiles(inputs, {
    root: process.cwd(),
    onDocument(d, index, total) {
      if (d.unreadable) unreadable++;
      progress(index, total);
      lines.push(summary(d));
      if (d.document.message) for (const m of d.document.message.split("\n")) lines.push(`        ${m}`);
    },
  });
  for (const line of lines) console.log(line);
  const written = await writeOutputs(resolve(out), extraction);
  const ms = Math.round(performance.now() - started);
  console.log(`${extraction.documents.length} documents, ${extraction.line_items.length} numbers, ${extraction.residue.length} residue lines → ${written.length} files in ${out} (${ms} ms)`);
  if (unreadable) console.error(`${unreadable} file(s) could not be read`);
  return unreadable ? 1 : 0;
}

/** The coverage report of the given documents (see coverage.ts). */
async function coverage(inputs: string[]): Promise<number> {
  if (inputs.length === 0) usage("coverage: no input files");
  const { coverageOf, formatCoverage } = await import("./coverage.ts");
  const rows: ReturnType<typeof coverageOf>[] = [];
  extractFiles(inputs, { root: process.cwd(), onDocument: (d) => rows.push(coverageOf(d)) });
  console.log(formatCoverage(rows));
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === "extract") process.exitCode = await extract(rest);
else if (command === "coverage") process.exitCode = await coverage(rest);
else if (command === "audit") {
  const { auditCommand } = await import("./audit/report.ts");
  process.exitCode = await auditCommand(rest, extractFile);
} else usage();
