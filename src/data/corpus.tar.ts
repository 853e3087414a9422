// Data loader: every extracted table (Arrow, Parquet, CSV), datapackage.json and
// each document's own files (docs/<doc_id>.json, .txt, .pdf), from data/documents/,
// as one tar written as a stream (see loaders/site/archive.ts). BN_CACHE_DIR moves
// the extraction cache (bench/site.ts measures a cold build with an empty one).
import {fileURLToPath} from "node:url";
import {corpusArchive} from "../../loaders/site/archive.ts";

const dir = fileURLToPath(new URL("../../data/documents/", import.meta.url));
/** Writes a chunk to standard output, waiting when the pipe is full. */
const write = (chunk: Uint8Array) => new Promise<void>((resolve, reject) => process.stdout.write(chunk, (error) => (error ? reject(error) : resolve())));
await corpusArchive(dir, write, process.env.BN_CACHE_DIR || undefined);
