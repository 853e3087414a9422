// Worker entry: TypeScript workers need tsx's loader registered in their own thread.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
