/**
 * A fixed pool of worker threads that do the per-file jobs (read, cache,
 * extract: batch/document-result.ts), so the main thread only spools. With one job the
 * work runs in this thread (no worker start-up cost); results are the same
 * either way, and the batch orders them itself, so the number of workers
 * never changes the output.
 */
import { Worker } from "node:worker_threads";
import { type DocumentJob, type DocumentResult, documentResult } from "./document-result.ts";
import { lowerInliningBudget } from "./inlining-budget.ts";

type Done = { result: DocumentResult; cached: boolean };
type Pending = { resolve: (r: Done) => void; reject: (e: Error) => void };

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; job: DocumentJob }> = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /** `bundle`: the workers' code built as plain JavaScript (batch/worker-bundle.ts); without it, workers boot through tsx. */
  constructor(
    readonly jobs: number,
    bundle: string | null = null,
  ) {
    lowerInliningBudget();
    if (jobs <= 1) return;
    const entry = new URL("./worker.ts", import.meta.url).href;
    for (let i = 0; i < jobs; i++) {
      const worker = bundle ? new Worker(bundle) : new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry } });
      worker.on("message", ({ id, result, cached }: { id: number } & Done) => {
        this.pending.get(id)?.resolve({ result, cached });
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

  run(job: DocumentJob): Promise<Done> {
    if (this.jobs <= 1) return Promise.resolve(documentResult(job));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, job });
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
    worker.postMessage(task);
  }

  /** Stop the workers (again: nothing). */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
