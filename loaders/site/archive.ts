/**
 * The site's data: every output table as Arrow (streams for DuckDB-WASM,
 * files for downloads), Parquet and CSV, the datapackage.json, and each
 * document's own small files (loaders/site/doc-files.ts: docs/<doc_id>.json,
 * .txt and, for a PDF document, .pdf), in one tar (loaders/site/tar.ts) that
 * Framework serves member by member (`FileAttachment("data/corpus/line_items.arrows")`).
 * Pages name the corpus tables literally; the per-document files are fetched by
 * URL (/_file/data/corpus/docs/<doc_id>.json): `observable preview` serves any
 * member of the archive, and `npm run build` copies the docs/ folder into dist/
 * (scripts/doc-files.ts), since no page names them.
 * Written as a stream (memory does not grow with the corpus): the corpus tables
 * first, smallest first (Framework reads the archive from its start up to each
 * member it copies), then the entity and region pages' files (entities/, regions/:
 * loaders/site/entity-files.ts), the documents' files last.
 * The same batch extraction as the CLI (batch/run.ts), with the same cache,
 * so the site and the CLI can never disagree and a rebuild re-parses only
 * the documents that changed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { DEFAULT_CACHE_DIR } from "../batch/cache.ts";
import { extractBatch } from "../batch/run.ts";
import { MANIFEST } from "../batch/up-to-date.ts";
import { siteAggregatesFiles } from "./aggregates.ts";
import { DOC_FILES_DIR, docFileJsonOf, docRows, docTablesJson } from "./doc-files.ts";
import { entityRegionFiles } from "./entity-files.ts";
import { firstChartFiles, performanceFirstChartFiles } from "./first-charts.ts";
import { PERFORMANCE_FILES_DIR, performanceFiles } from "./performance-files.ts";
import { TarWriter } from "./tar.ts";

/** The performance page's summary (performance.md names it: Framework copies it into dist/). */
const PERFORMANCE_SUMMARY = `${PERFORMANCE_FILES_DIR}/summary.json`;

/** "code_system\u0000code" → English name, from the written classifications table. */
function classificationNames(file: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of tableFromIPC(readFileSync(file)).toArray()) {
    const { code_system, code, name_en } = row.toJSON() as Record<string, string | null>;
    if (code_system && code && name_en) names.set(`${code_system}\u0000${code}`, name_en);
  }
  return names;
}

/** Writes the archive to `write` (a tar stream: loaders/site/tar.ts). */
export async function corpusArchive(
  documentsDir: string,
  write: (chunk: Uint8Array) => Promise<void> | void,
  cacheDir: string | null = DEFAULT_CACHE_DIR,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  const rowsDir = join(dir, ".doc-rows");
  mkdirSync(rowsDir);
  const steps: string[] = [];
  let lapWall = performance.now();
  let lapCpu = process.cpuUsage();
  /** One step's wall and CPU time (every thread of this process), for the build log. */
  const lap = (step: string) => {
    const cpu = process.cpuUsage(lapCpu);
    steps.push(`${step} ${((performance.now() - lapWall) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
    lapWall = performance.now();
    lapCpu = process.cpuUsage();
  };
  try {
    // Each document's rows as they come (spooled to disk: memory stays flat), by position in the batch.
    const { texts, documents, stats } = await extractBatch([documentsDir], dir, {
      root: documentsDir,
      // Arrow streams (what the pages load into DuckDB-WASM, and the Arrow download) and Parquet (the compact
      // download); no IPC file or CSV beside them: the data page makes those from the stream on demand, in the browser.
      formats: ["parquet", "arrows"],
      cacheDir,
      keepText: true,
      keepRows: true,
      // its codes (one JSON line) and its rows already as the text of its docs/<doc_id>.json
      onDocument: (result, position) => {
        const rows = docRows(result.blocks ?? []);
        writeFileSync(join(rowsDir, `${position}.json`), `${JSON.stringify(rows.codes)}\n${docTablesJson(rows)}`);
      },
    });
    const writeSteps = Object.keys(stats.write_steps).filter((k) => !k.endsWith(" cpu"));
    const seconds = (ms = 0) => (ms / 1000).toFixed(1);
    lap(
      `extract (${stats.cached}/${stats.files} cached; writing, s wall/CPU: ${writeSteps.map((k) => `${k} ${seconds(stats.write_steps[k])}${`${k} cpu` in stats.write_steps ? `/${seconds(stats.write_steps[`${k} cpu`])}` : ""}`).join(", ")})`,
    );
    // the small aggregates the pages paint from before (or without) DuckDB-WASM, ordered by size with the tables
    for (const [name, bytes] of await siteAggregatesFiles(dir)) writeFileSync(join(dir, name), bytes);
    // each main page's first chart as a static SVG, drawn from those aggregates (loaders/site/first-charts.ts)
    for (const [name, bytes] of await firstChartFiles(dir)) writeFileSync(join(dir, name), bytes);
    lap("aggregates");
    // the performance page's summary and page files (performance/: loaders/site/performance-files.ts)
    const performancePageFiles = await performanceFiles(dir);
    // and its first chart as a static SVG (loaders/site/first-charts.ts)
    const summary = performancePageFiles.find(([name]) => name === PERFORMANCE_SUMMARY)?.[1] ?? null;
    for (const [name, bytes] of await performanceFirstChartFiles(summary)) writeFileSync(join(dir, name), bytes);
    lap("performance files");
    const tar = new TarWriter(write);
    // every member a page names (so Framework copies it, reading the archive up to it): the tables, aggregates,
    // first charts and the performance summary, smallest first; before the hundreds of MB that no page names
    const named: { name: string; size: number; read: () => Uint8Array }[] = readdirSync(dir)
      .map((name) => ({ name, stat: statSync(join(dir, name)) }))
      .filter(({ name, stat }) => stat.isFile() && name !== MANIFEST)
      .map(({ name, stat }) => ({ name, size: stat.size, read: () => readFileSync(join(dir, name)) }));
    if (summary) named.push({ name: PERFORMANCE_SUMMARY, size: summary.length, read: () => summary });
    named.sort((a, b) => a.size - b.size || (a.name < b.name ? -1 : 1));
    for (const { name, read } of named) await tar.add(name, read());
    lap("tar tables");
    // the entity and region pages' small files (entities/, regions/: loaders/site/entity-files.ts)
    for (const [name, bytes] of entityRegionFiles(dir)) await tar.add(name, bytes);
    // the performance page's page files
    for (const [name, bytes] of performancePageFiles) if (name !== PERFORMANCE_SUMMARY) await tar.add(name, bytes);
    lap("entity, region and performance files");
    const names = classificationNames(join(dir, "classifications.arrows"));
    const encoder = new TextEncoder();
    // documents rows are in input order: position i is document i; a duplicate copy kept none of its rows
    for (const [position, d] of documents.entries()) {
      const text = texts.get(d.doc_id);
      const saved = text === undefined ? null : readFileSync(join(rowsDir, `${position}.json`), "utf8");
      const cut = saved?.indexOf("\n") ?? -1;
      const [codes, tablesJson] = saved ? [JSON.parse(saved.slice(0, cut)) as string[], saved.slice(cut + 1)] : [[], docTablesJson(null)];
      await tar.add(`${DOC_FILES_DIR}/${d.doc_id}.json`, encoder.encode(docFileJsonOf(d, codes, tablesJson, names, stats.data_version)));
      if (text === undefined) continue;
      await tar.add(`${DOC_FILES_DIR}/${d.doc_id}.txt`, encoder.encode(text));
      // the original PDF, opened at #page=N in the browser's own viewer from the source page
      if (d.source_format === "pdf") await tar.add(`${DOC_FILES_DIR}/${d.doc_id}.pdf`, readFileSync(join(documentsDir, d.source_file)));
    }
    await tar.end();
    lap("tar documents");
    process.stderr.write(`corpus archive: ${steps.join("; ")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
