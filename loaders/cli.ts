/**
 * Command line:
 *   extract <file-or-folder>... --out <dir> [--jobs N] [--shard k/n] [--format parquet,arrow,csv,partitioned,duckdb]
 *           [--cache DIR | --no-cache]    write every output table (Parquet and Arrow by default)
 *   audit <file>                              print the audit report of one document
 *   coverage <file-or-folder>...              print how many amounts of the table-like blocks were placed
 *   panel <file-or-folder>...                 print the entities linked and the panel's rows per measure
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_CACHE_DIR } from "./batch/cache.ts";
import { extractBatch } from "./batch/run.ts";
import { extractFile, extractFiles } from "./extract.ts";
import type { DocumentRow } from "./schema/types.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "./write/corpus.ts";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: extract <file-or-folder>... --out <dir> [--jobs N] [--shard k/n] [--format F,…] [--cache DIR | --no-cache]\n       audit <file>\n       coverage <file-or-folder>...\n       panel <file-or-folder>...");
  process.exit(2);
}

function summary(doc: DocumentRow): string {
  const what = [doc.entity ?? "?", doc.year ?? "?", doc.kind ?? "?", doc.scope_zh ?? ""].join(" ").trim();
  return `${doc.status.padEnd(7)} ${doc.source_file}  ${what}  tables=${doc.tables_found} numbers=${doc.numbers_extracted} facts=${doc.facts_extracted} projects=${doc.projects} indicators=${doc.indicators} checks=${doc.checks_error}E/${doc.checks_warning}W/${doc.checks_info}I residue=${doc.residue_lines}`;
}

/** A progress bar on standard error, when it is a terminal. */
function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\r\x1b[K");
}

const EXTRACT_OPTIONS = {
  out: { type: "string" },
  jobs: { type: "string" },
  shard: { type: "string" },
  format: { type: "string", multiple: true },
  cache: { type: "string" },
  "no-cache": { type: "boolean" },
} as const;

async function extract(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof EXTRACT_OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: EXTRACT_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    usage(`extract: ${(err as Error).message}`);
  }
  const { values, positionals: inputs } = parsed;
  if (!values.out) usage("extract: --out <dir> is required");
  if (inputs.length === 0) usage("extract: no input files");
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) usage(`extract: --jobs takes a whole number ≥ 1, not ${values.jobs}`);
  const shardMatch = values.shard?.match(/^(\d+)\/(\d+)$/);
  if (values.shard && !(shardMatch && Number(shardMatch[1]) >= 1 && Number(shardMatch[1]) <= Number(shardMatch[2]))) usage(`extract: --shard takes k/n with 1 ≤ k ≤ n, not ${values.shard}`);
  const formats = (values.format ?? []).flatMap((f) => f.split(",")).filter(Boolean);
  for (const f of formats) if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) usage(`extract: unknown --format ${f} (one of ${OUTPUT_FORMATS.join(", ")})`);
  let done = 0;
  const result = await extractBatch(inputs, resolve(values.out), {
    root: process.cwd(),
    jobs,
    shard: shardMatch ? { k: Number(shardMatch[1]), n: Number(shardMatch[2]) } : undefined,
    formats: formats.length ? (formats as OutputFormat[]) : undefined,
    cacheDir: values["no-cache"] ? null : (values.cache ?? DEFAULT_CACHE_DIR),
    onDocument: (_, __, total) => progress(++done, total),
  });
  for (const doc of result.documents) {
    console.log(summary(doc));
    if (doc.message) for (const m of doc.message.split("\n")) console.log(`        ${m}`);
  }
  const extracted = result.documents.filter((d) => !d.doc_id.includes("-dup"));
  const numbers = extracted.reduce((n, d) => n + d.numbers_extracted, 0);
  const residue = extracted.reduce((n, d) => n + d.residue_lines, 0);
  const { cached, ms } = result.stats;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`${result.documents.length} documents (${cached} from cache), ${numbers} numbers, ${residue} residue lines → ${result.written.length} files in ${values.out} (${ms} ms, peak ${peak} MiB)`);
  const unreadable = result.documents.filter((d) => d.status === "error" && d.line_count === 0).length;
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
} else if (command === "panel") {
  if (rest.length === 0) usage("panel: no input files");
  const { panelReport } = await import("./panel/report.ts");
  for (const line of panelReport(extractFiles(rest, { root: process.cwd() }))) console.log(line);
} else usage();
