/**
 * V8's budget for inlining callees into one optimised function, lowered for
 * the extraction's threads (the flag is process-wide, so it reaches every
 * worker). The parser is many mid-sized functions that each see a new object
 * shape or array kind now and then over a worker's first few hundred documents:
 * each time, V8 throws the optimised code away and compiles it again, and with
 * the default budget (920 bytes of bytecode inlined per function) every
 * recompilation drags its callees along. Compiling is then the largest single
 * cost of a 1,000-document run (about 15 s of CPU of 60, on V8's background
 * threads). With 300, a worker's first 500 documents cost about 15 % less CPU
 * (V8's background threads about 30 % less; the steady state per document is
 * unchanged): `npx tsx bench/warm-up.ts` against `… --v8-default`, and
 * bench/doc-cpu.ts. Output is unaffected: inlining is an optimisation only.
 */
import { setFlagsFromString } from "node:v8";

export const INLINING_BUDGET_FLAG = "--max-inlined-bytecode-size-cumulative=300";

let lowered = false;

/** Lower V8's inlining budget for this process (once; compilations from then on use it). */
export function lowerInliningBudget(): void {
  if (lowered) return;
  lowered = true;
  setFlagsFromString(INLINING_BUDGET_FLAG);
}
