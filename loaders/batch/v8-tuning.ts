/**
 * V8 settings for the extraction's worker threads. Both change how fast the
 * parser runs, never what it gives: inlining is an optimisation, and the young
 * generation is only where short-lived objects are collected.
 *
 * The inlining budget (a flag, so process-wide: it reaches every worker
 * started after it). The parser is many mid-sized functions that each see a
 * new object shape or array kind now and then over a worker's first few
 * hundred documents: each time, V8 throws the optimised code away and compiles
 * it again, and with the default budget (920 bytes of bytecode inlined per
 * function) every recompilation drags its callees along. Compiling is then the
 * largest single cost of a 1,000-document run (about 15 s of CPU of 60, on V8's
 * background threads). With 300, a worker's first 500 documents cost about
 * 15 % less CPU (V8's background threads about 30 % less; the steady state per
 * document is unchanged): `npx tsx bench/warm-up.ts` against `… --v8-default`,
 * and bench/doc-cpu.ts.
 *
 * The young generation (per worker: resourceLimits). A document allocates
 * about 14 MB while it is read, and much of it lives until the document is
 * done (its lines, tokens, rows). With V8's default semi-space of 16 MB a
 * scavenge comes in the middle of nearly every document and promotes what is
 * still in use to the old generation, where concurrent marking (on V8's
 * background threads) later collects it. With 64 MB most of it dies young:
 * V8's background threads spend about half as much per document in the
 * steady state (bench/warm-up.ts). A worker may then hold up to about 100 MB
 * more young objects.
 */
import { setFlagsFromString } from "node:v8";
import type { ResourceLimits } from "node:worker_threads";

export const INLINING_BUDGET_FLAG = "--max-inlined-bytecode-size-cumulative=300";

/** A worker's semi-space, MB (V8's default: 16). */
export const SEMI_SPACE_MB = 64;

/** A worker's resource limits: its young generation (V8 sizes it as three semi-spaces). */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB };

let lowered = false;

/** Lower V8's inlining budget for this process (once; compilations from then on use it). */
export function lowerInliningBudget(): void {
  if (lowered) return;
  lowered = true;
  setFlagsFromString(INLINING_BUDGET_FLAG);
}
