/**
 * A batch: many files → the output folder. The per-document pipeline
 * (extract.ts) runs on a pool of worker threads (pool.ts), or comes from the
 * cache (cache.ts) when the file and the parser are unchanged; each thread
 * writes its documents' rows to disk at once (write/spool.ts), so memory does
 * not grow with the corpus and the main thread never handles a row; duplicates are settled once all copies are known (document/duplicates.ts);
 * the writers read every document's rows in input order (write/corpus.ts), so the
 * files are byte-identical whatever the number of workers or the order in
 * which documents finished.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { listInputs } from "../extract.ts";
import type { DocumentRow } from "../schema/types.ts";
import { DEFAULT_FORMATS, writeCorpus, type CorpusWriteOptions } from "../write/corpus.ts";
import { linkEntities } from "../panel/entities.ts";
import { inputsKey, recordOutputs, upToDate } from "./up-to-date.ts";
import { Spool } from "../write/spool.ts";
import { openCache } from "./cache.ts";
import type { DocumentResult } from "./document-result.ts";
import { markDuplicates } from "../document/duplicates.ts";
import { ExtractionPool } from "./pool.ts";
import { workerBundle } from "./worker-bundle.ts";
import { dataVersion, parserVersion } from "./version.ts";

export interface BatchOptions extends Omit<CorpusWriteOptions, "versions"> {
  /** Make source_file relative to this folder (stable across machines). */
  root?: string;
  /** Worker threads; default one per core. */
  jobs?: number;
  /** Cache folder; null for no cache. */
  cacheDir?: string | null;
  /** Extract only the k-th of n slices of the inputs (1-based k); the slices' outputs union to the whole. */
  shard?: { k: number; n: number };
  /** Keep each document's decoded text (the site's source pages need it); off by default, so memory stays flat. */
  keepText?: boolean;
  /** Give onDocument each document's row blocks too (the site's per-document files). */
  keepRows?: boolean;
  /** Called for each document as it is done (in completion order), with its position and the total. */
  onDocument?: (result: DocumentResult, position: number, total: number) => void;
}

export interface BatchResult {
  /** documents rows in input order (after duplicates were settled). */
  documents: DocumentRow[];
  /** Decoded text of each extracted document, by doc_id (with keepText). */
  texts: Map<string, string>;
  written: string[];
  stats: {
    files: number;
    cached: number;
    extracted: number;
    ms: number;
    cpu_ms: number;
    /** Of ms: writing the outputs once every document was done, in total and by step. */
    write_ms: number;
    write_steps: Record<string, number>;
    parser_version: string;
    data_version: string;
  };
}

/** CPU time of this process (every thread: workers and DuckDB's too), in ms. */
const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

/** documents[].entity_id as the writers' panel stage sets it (write/corpus.ts), without writing. */
function linkDocuments(spool: Spool): void {
  const kept = [...spool.documents].filter(([pos]) => !spool.dropped.has(pos)).sort((a, b) => a[0] - b[0]);
  const departments = kept.flatMap(([pos]) => spool.panel.get(pos)?.departments ?? []);
  const { byDocument } = linkEntities(
    kept.map(([, d]) => d),
    spool.renames,
    departments,
  );
  for (const [, d] of kept) d.entity_id = byDocument.get(d.doc_id) ?? null;
}

/** Which inputs the k-th of n shards takes: every n-th file of the sorted list. */
export function shardOf<T>(files: T[], shard?: { k: number; n: number }): T[] {
  if (!shard || shard.n <= 1) return files;
  return files.filter((_, i) => i % shard.n === shard.k - 1);
}

export async function extractBatch(paths: string[], outDir: string, options: BatchOptions = {}): Promise<BatchResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const files = shardOf(listInputs(paths), options.shard);
  const parser = parserVersion();
  const cacheDir = options.cacheDir ? openCache(options.cacheDir, parser) : null;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const pool = new ExtractionPool(jobs, jobs > 1 ? await workerBundle(parser) : null);
  mkdirSync(outDir, { recursive: true });
  const spool = new Spool(mkdtempSync(join(outDir, ".spool-")));
  const texts = new Map<number, string>();
  let cached = 0;
  try {
    // Extract (or read from the cache) on the workers; spool each result as it comes.
    let nextFile = 0;
    const one = async (): Promise<void> => {
      while (nextFile < files.length) {
        const position = nextFile++;
        const path = files[position];
        const source_file = options.root ? relative(options.root, path) : path;
        const { result, cached: hit } = await pool.run({
          path,
          source_file,
          cacheDir,
          spoolDir: spool.dir,
          keepText: options.keepText,
          keepRows: options.keepRows,
        });
        if (hit) cached++;
        spool.document(position, result.document, result.panel, result.files);
        spool.renames.push(...(result.renames ?? []));
        if (options.keepText && result.text !== null) texts.set(position, result.text);
        options.onDocument?.(result, position, files.length);
      }
    };
    await Promise.all(Array.from({ length: jobs * 2 }, one));
    // the workers' heaps are not kept through the writing (DuckDB's memory is the batch's peak)
    await pool.close();

    // Settle duplicates, then write every table in input order.
    for (const pos of markDuplicates(spool.documents)) spool.dropped.add(pos);
    const documents = [...spool.documents].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
    const versions = {
      parser,
      data: dataVersion(
        parser,
        documents.map((d) => d.sha256),
      ),
    };
    const writing = performance.now();
    const write_steps: Record<string, number> = {};
    // an output folder already holding what these inputs give is left as it is (its documents still get their entities)
    const inputs = inputsKey(parser, options.formats ?? DEFAULT_FORMATS, documents);
    let written = upToDate(outDir, inputs);
    if (written) linkDocuments(spool);
    else {
      written = await writeCorpus(outDir, spool, { formats: options.formats, versions, timings: write_steps });
      recordOutputs(outDir, inputs, written);
    }
    const write_ms = Math.round(performance.now() - writing);
    const textsById = new Map<string, string>();
    for (const [pos, text] of [...texts].sort((a, b) => a[0] - b[0])) if (!spool.dropped.has(pos)) textsById.set(spool.documents.get(pos)!.doc_id, text);
    return {
      documents,
      texts: textsById,
      written,
      stats: {
        files: files.length,
        cached,
        extracted: files.length - cached,
        ms: Math.round(performance.now() - started),
        cpu_ms: cpuMs(process.cpuUsage(cpu)),
        write_ms,
        write_steps,
        parser_version: parser,
        data_version: versions.data,
      },
    };
  } finally {
    await pool.close();
    rmSync(spool.dir, { recursive: true, force: true });
  }
}
