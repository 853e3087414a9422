/** A worker thread of the batch: does the per-file jobs it is sent (see pool.ts). */
import { parentPort } from "node:worker_threads";
import { type DocumentJob, documentResult } from "./document-result.ts";

parentPort!.on("message", ({ id, job }: { id: number; job: DocumentJob }) => {
  parentPort!.postMessage({ id, ...documentResult(job) });
});
