/**
 * Benchmark (not a test): the writing step alone (write/corpus.ts), from the
 * entries of an extraction cache folder of any parser version (e.g. the one
 * bench/corpus.ts leaves in $TMPDIR/budget-bench/cache-<count>/<version>/),
 * the entries in key order as the batch's positions: prints wall and CPU
 * time per step, peak memory and a SHA-256 of the outputs (every file's bytes,
 * corpus.duckdb's rows: run it twice, or on two branches, to see they are the same).
 *   npx tsx bench/write.ts <cache-version-folder> <out-dir> [formats=parquet,partitioned,duckdb] [repeat=1]
 * (`repeat`: the entries that many times over, a larger corpus without extracting one.)
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";
import {join, relative} from "node:path";
import {ExtractionCache} from "../loaders/batch/cache.ts";
import type {PanelInput} from "../loaders/write/panel-input.ts";
import type {StatedRename} from "../loaders/panel/names.ts";
import type {DocumentRow} from "../loaders/schema/types.ts";
import {type OutputFormat, writeCorpus} from "../loaders/write/corpus.ts";
import {SPOOLED_TABLES, Spool} from "../loaders/write/spool.ts";
import {OUTPUT_TABLES} from "../loaders/schema/outputs.ts";

const [folder, out, formats = "parquet,partitioned,duckdb", repeat = "1"] = process.argv.slice(2);
type Header = {document: DocumentRow; renames: StatedRename[]; panel: PanelInput};
const cache = new ExtractionCache(folder);
rmSync(out, {recursive: true, force: true});
const spool = new Spool(join(out, ".spool"));
const keys = readdirSync(folder)
  .filter((f) => f.endsWith(".blocks"))
  .map((f) => f.slice(0, -".blocks".length))
  .sort();
// `repeat` times over (a larger corpus without extracting one: the copies keep their doc_id)
for (let r = 0; r < Number(repeat); r++)
  keys.forEach((key, i) => {
    const entry = cache.get<Header>(key)!;
    spool.document(r * keys.length + i, entry.header.document, entry.header.panel, entry.files.slice(0, SPOOLED_TABLES.length));
    if (r === 0) spool.renames.push(...entry.header.renames);
  });
const timings: Record<string, number> = {};
const started = performance.now();
const cpu = process.cpuUsage();
const written = await writeCorpus(out, spool, {formats: formats.split(",") as OutputFormat[], versions: {parser: "bench", data: "bench"}, timings});
const c = process.cpuUsage(cpu);
rmSync(spool.dir, {recursive: true, force: true});
const files = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .flatMap((f) => files(join(path, f)))
    : [path];
// every file's bytes, but corpus.duckdb's (DuckDB does not write the same bytes twice): its tables' rows in their order
const digest = createHash("sha256");
for (const file of written.flatMap(files)) if (!file.endsWith(".duckdb")) digest.update(relative(out, file)).update("\0").update(readFileSync(file));
const db = join(out, "corpus.duckdb");
if (existsSync(db)) {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await conn.run(`ATTACH '${db}' AS c (READ_ONLY)`);
  for (const {name} of OUTPUT_TABLES) {
    const csv = join(out, ".table.csv");
    await conn.run(`COPY c."${name}" TO '${csv}' (FORMAT csv)`);
    digest.update(name).update("\0").update(readFileSync(csv));
    rmSync(csv);
  }
  conn.closeSync();
  instance.closeSync();
}
const steps = Object.entries(timings)
  .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
  .join(", ");
console.log(
  `${keys.length * Number(repeat)} documents: writing ${((performance.now() - started) / 1000).toFixed(1)} s wall, CPU ${((c.user + c.system) / 1e6).toFixed(1)} s, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; ${steps}; outputs ${digest.digest("hex").slice(0, 16)}`
);
