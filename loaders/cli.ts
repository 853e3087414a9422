/**
 * The command line (`budget-notebooks`, see bin/budget-notebooks.js; `npm run extract` etc.).
 * Arguments are parsed strictly (node:util parseArgs): an unknown flag, a missing value or
 * a missing input is one line on standard error and exit code 2. Results go to standard
 * output, progress to standard error. `--help` and `--version` exit 0.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DEFAULT_CACHE_DIR } from "./batch/cache.ts";
import { extractBatch } from "./batch/run.ts";
import { parserVersion } from "./batch/version.ts";
import { extractFile, extractFiles } from "./extract.ts";
import type { DocumentRow } from "./schema/types.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "./write/corpus.ts";

const NAME = "budget-notebooks";

/** Where the command writes: results, and messages/progress (with whether that is a terminal). */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  errIsTTY: boolean;
}

const PROCESS_IO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  usage: string;
  about: string;
  options: Options;
  /** Each positional argument is a file or folder that must exist. */
  inputs: "files" | "none";
  run(values: Values, inputs: string[], io: CliIO): Promise<number>;
}

function summary(doc: DocumentRow): string {
  const what = [doc.entity ?? "?", doc.year ?? "?", doc.kind ?? "?", doc.scope_zh ?? ""].join(" ").trim();
  return `${doc.status.padEnd(7)} ${doc.source_file}  ${what}  tables=${doc.tables_found} numbers=${doc.numbers_extracted} facts=${doc.facts_extracted} projects=${doc.projects} indicators=${doc.indicators} checks=${doc.checks_error}E/${doc.checks_warning}W/${doc.checks_info}I residue=${doc.residue_lines}`;
}

/** A progress bar on standard error, when it is a terminal. */
function progress(io: CliIO, done: number, total: number): void {
  if (!io.errIsTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  io.err(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) io.err("\r\x1b[K");
}

async function extract(values: Values, inputs: string[], io: CliIO): Promise<number> {
  const out = values.out as string | undefined;
  if (!out) throw new UsageError("--out <dir> is required");
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number ≥ 1, not ${values.jobs}`);
  const shard = values.shard as string | undefined;
  const shardMatch = shard?.match(/^(\d+)\/(\d+)$/);
  if (shard && !(shardMatch && Number(shardMatch[1]) >= 1 && Number(shardMatch[1]) <= Number(shardMatch[2])))
    throw new UsageError(`--shard takes k/n with 1 ≤ k ≤ n, not ${shard}`);
  const formats = ((values.format as string[] | undefined) ?? []).flatMap((f) => f.split(",")).filter(Boolean);
  for (const f of formats) if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown --format ${f} (one of ${OUTPUT_FORMATS.join(", ")})`);
  let done = 0;
  const result = await extractBatch(inputs, resolve(out), {
    root: process.cwd(),
    jobs,
    shard: shardMatch ? { k: Number(shardMatch[1]), n: Number(shardMatch[2]) } : undefined,
    formats: formats.length ? (formats as OutputFormat[]) : undefined,
    cacheDir: values["no-cache"] ? null : ((values.cache as string | undefined) ?? DEFAULT_CACHE_DIR),
    onDocument: (_, __, total) => progress(io, ++done, total),
  });
  for (const doc of result.documents) {
    io.out(`${summary(doc)}\n`);
    if (doc.message) for (const m of doc.message.split("\n")) io.out(`        ${m}\n`);
  }
  const extracted = result.documents.filter((d) => !d.doc_id.includes("-dup"));
  const numbers = extracted.reduce((n, d) => n + d.numbers_extracted, 0);
  const residue = extracted.reduce((n, d) => n + d.residue_lines, 0);
  const { cached, ms } = result.stats;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  io.out(`${result.documents.length} documents (${cached} from cache), ${numbers} numbers, ${residue} residue lines → ${result.written.length} files in ${out} (${ms} ms, peak ${peak} MiB)\n`);
  const unreadable = result.documents.filter((d) => d.status === "error" && d.line_count === 0).length;
  if (unreadable) io.err(`${unreadable} file(s) could not be read\n`);
  return unreadable ? 1 : 0;
}

/** The audit report of each document; exit 1 when a file could not be read (the others are still reported). */
async function audit(_: Values, inputs: string[], io: CliIO): Promise<number> {
  const { formatReport } = await import("./audit/report.ts");
  let unreadable = 0;
  for (const file of inputs) {
    const d = extractFile(file);
    if (d.unreadable) {
      unreadable++;
      io.err(`${d.document.message}\n`);
      continue;
    }
    const doc = d.document;
    const title = `${doc.source_file} (${[doc.entity, doc.year, doc.kind, doc.scope_zh].filter(Boolean).join(" ")}) doc_id=${doc.doc_id}`;
    io.out(`${formatReport(title, d.source?.lines ?? [], d.checks, d.audit_stats ?? []).join("\n")}\n`);
  }
  if (unreadable) io.err(`${unreadable} file(s) could not be read\n`);
  return unreadable ? 1 : 0;
}

/** The coverage report of the given documents (see coverage.ts). */
async function coverage(values: Values, inputs: string[], io: CliIO): Promise<number> {
  const { coverageOf, formatCoverage, formatUnplaced } = await import("./coverage.ts");
  const rows: ReturnType<typeof coverageOf>[] = [];
  extractFiles(inputs, { root: process.cwd(), onDocument: (d) => rows.push(coverageOf(d)) });
  io.out(`${formatCoverage(rows)}\n`);
  if (values.lines) io.out(`${formatUnplaced(rows)}\n`);
  return 0;
}

async function panel(_: Values, inputs: string[], io: CliIO): Promise<number> {
  const { panelReport } = await import("./panel/report.ts");
  for (const line of panelReport(extractFiles(inputs, { root: process.cwd() }))) io.out(`${line}\n`);
  return 0;
}

const COMMANDS: Record<string, Command> = {
  extract: {
    usage: "extract <file-or-folder>... --out <dir> [--jobs N] [--shard k/n] [--format F,…] [--cache DIR | --no-cache]",
    about: `write every output table of the documents (.pdf, .txt, .md, .tsv; folders walked) into <dir>;
  --format any of ${OUTPUT_FORMATS.join(", ")} (default parquet,arrow); --jobs worker processes;
  --shard k/n the k-th of n slices of the inputs; --cache where parsed documents are kept between runs`,
    options: {
      out: { type: "string" },
      jobs: { type: "string" },
      shard: { type: "string" },
      format: { type: "string", multiple: true },
      cache: { type: "string" },
      "no-cache": { type: "boolean" },
    },
    inputs: "files",
    run: extract,
  },
  audit: {
    usage: "audit <file>...",
    about: "print the audit report of each document: findings by severity and rule, with the lines involved",
    options: {},
    inputs: "files",
    run: audit,
  },
  coverage: {
    usage: "coverage <file-or-folder>... [--lines]",
    about: "per document: amounts printed in table-like blocks, how many were placed, how many sit in residue;\n  --lines also every line with amounts not placed and why",
    options: { lines: { type: "boolean" } },
    inputs: "files",
    run: coverage,
  },
  panel: {
    usage: "panel <file-or-folder>...",
    about: "print the entities linked across documents and the panel's rows per measure",
    options: {},
    inputs: "files",
    run: panel,
  },
};

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** The full help text. */
export function helpText(): string {
  const commands = Object.values(COMMANDS).map((c) => `  ${NAME} ${c.usage}\n      ${c.about.replace(/\n/g, "\n    ")}`);
  return `${NAME} ${packageVersion()}: Chinese public budget disclosures (部门预算 / 部门决算 / 单位决算) as tables

Usage:
${commands.join("\n")}
  ${NAME} --help | --version

Results go to standard output, progress and messages to standard error.
Exit codes: 0 done; 1 a file could not be read (the others are still processed); 2 a usage error.
`;
}

/** Run the command line; returns the exit code. Usage errors are thrown as UsageError. */
export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`${NAME}: a command is needed (${Object.keys(COMMANDS).join(", ")}); see ${NAME} --help`);
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(helpText());
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.out(`${NAME} ${packageVersion()} (parser ${parserVersion()})\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) throw new UsageError(`${NAME}: unknown command ${JSON.stringify(first)} (one of ${Object.keys(COMMANDS).join(", ")}); see ${NAME} --help`);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs's first sentence says what is wrong (a hint about "--" follows for unknown options)
    const what = (err as Error).message.split("\n")[0].split(/\.\s/)[0];
    throw new UsageError(`${first}: ${what}; see ${NAME} ${first} --help`);
  }
  if (parsed.values.help) {
    io.out(`usage: ${NAME} ${command.usage}\n  ${command.about}\n`);
    return 0;
  }
  if (command.inputs === "files") {
    if (parsed.positionals.length === 0) throw new UsageError(`${first}: no input files`);
    const missing = parsed.positionals.find((p) => !existsSync(p));
    if (missing) throw new UsageError(`${first}: no such file or folder: ${missing}`);
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${first}: ${err.message}`);
    throw err;
  }
}

/** `main` for a process: one line per error, never a stack trace (unless DEBUG is set); sets the exit code. */
export async function runCli(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  // output piped into a reader that stops early (`| head`): stop quietly, as other command-line tools do
  if (io === PROCESS_IO)
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      process.exit(0);
    });
  try {
    return await main(argv, io);
  } catch (err) {
    const usage = err instanceof UsageError;
    io.err(`${usage ? "" : `${NAME}: `}${(err as Error).message.split("\n")[0]}\n`);
    if (process.env.DEBUG && !usage) io.err(`${(err as Error).stack}\n`);
    return usage ? 2 : 1;
  }
}

// Run when executed as a script (`tsx loaders/cli.ts …`); the bin launcher calls runCli itself.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = await runCli(process.argv.slice(2));
