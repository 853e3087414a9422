/** A worker thread of the batch: extracts the documents it is sent (see pool.ts). */
import { parentPort } from "node:worker_threads";
import { extractDocument } from "./document-result.ts";

parentPort!.on("message", ({ id, bytes, source_file }: { id: number; bytes: Uint8Array; source_file: string }) => {
  parentPort!.postMessage({ id, result: extractDocument(bytes, source_file) });
});
