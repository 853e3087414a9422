/**
 * A fixed pool of worker threads that extract documents. With one job the
 * work runs in this thread (no worker start-up cost); results are the same
 * either way, and the batch orders them itself, so the number of workers
 * never changes the output.
 */
import { Worker } from "node:worker_threads";
import { extractDocument, type DocumentResult } from "./document-result.ts";

type Pending = { resolve: (r: DocumentResult) => void; reject: (e: Error) => void };

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; bytes: Uint8Array; source_file: string }> = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(readonly jobs: number) {
    if (jobs <= 1) return;
    const entry = new URL("./worker.ts", import.meta.url).href;
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry } });
      worker.on("message", ({ id, result }: { id: number; result: DocumentResult }) => {
        this.pending.get(id)?.resolve(result);
        this.pending.delete(id);
        this.dispatch(worker);
      });
      worker.on("error", (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  extract(bytes: Uint8Array, source_file: string): Promise<DocumentResult> {
    if (this.jobs <= 1) return Promise.resolve(extractDocument(bytes, source_file));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, bytes, source_file });
      const worker = this.idle.pop();
      if (worker) this.dispatch(worker);
    });
  }

  private dispatch(worker: Worker): void {
    const task = this.queue.shift();
    if (!task) {
      if (!this.idle.includes(worker)) this.idle.push(worker);
      return;
    }
    worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
