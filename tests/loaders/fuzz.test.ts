/**
 * Seeded fuzz test (issue 10): mutations of the five samples (flipped bits,
 * truncation, garbled numbers, special characters, long lines, repeated
 * lines and headers, concatenations, stray marks, NULs, GBK / UTF-16
 * re-encodings; tests/loaders/mutations.ts). Every case must extract without
 * an exception, with only finite, plausible numbers in every output table,
 * an error row naming its file, and in time within a generous multiple of
 * the unmutated sample's time (scaled by size) — never an absolute time.
 * `npm run bench:fuzz` runs thousands of cases and prints the slowest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extractBytes } from "../../loaders/extract.ts";
import { cases, loadSamples, outputProblems } from "./mutations.ts";

const SEED = 20261201;
const COUNT = 200;
const CHUNK = 25;
/** A case may take this many times its unmutated sample's time (per byte of input). */
const SLOWER = 30;

const samples = loadSamples();
const all = [...cases(samples, COUNT, SEED)];
const baseMs = new Map<string, number>();

const timed = (c: { bytes: Uint8Array; sample: string }) => {
  const s = performance.now();
  const d = extractBytes(c.bytes, c.sample);
  return { d, ms: performance.now() - s };
};

beforeAll(() => {
  for (const s of samples) timed({ bytes: s.bytes, sample: s.name }); // warm-up
  for (const s of samples) baseMs.set(s.name, Math.min(timed({ bytes: s.bytes, sample: s.name }).ms, timed({ bytes: s.bytes, sample: s.name }).ms));
}, 120_000);

describe(`fuzz: ${COUNT} seeded mutations of the samples (seed ${SEED})`, () => {
  it("covers every kind of mutation", () => {
    const kinds = new Set(all.map((c) => c.mutation.replace(/[\s(].*$/, "")));
    for (const k of ["flipped", "truncated", "concatenated", "re-encoded", "NUL", "garbled", "special", "long", "lines", "header"]) expect(kinds).toContain(k);
  });

  // in chunks (one test per chunk of cases): a few tests, each naming its failing cases and their mutation
  for (let from = 0; from < COUNT; from += CHUNK) {
    const chunk = all.slice(from, from + CHUNK);
    it(`cases ${from}–${from + chunk.length - 1}`, () => {
      const failures: string[] = [];
      for (const c of chunk) {
        const sample = samples.find((s) => s.name === c.sample)!;
        const bound = SLOWER * baseMs.get(c.sample)! * Math.max(1, c.bytes.length / sample.bytes.length);
        let run: ReturnType<typeof timed>;
        try {
          run = timed(c);
          if (run.ms > bound) run = timed(c); // once more: a pause of the shared machine is not the parser's
        } catch (err) {
          failures.push(`${c.id} (${c.mutation}): exception ${(err as Error).message}`);
          continue;
        }
        for (const p of outputProblems(run.d)) failures.push(`${c.id} (${c.mutation}): ${p}`);
        if (run.d.document.status === "error" && !run.d.document.message.startsWith(`${c.sample}:`)) failures.push(`${c.id}: error message without the file: ${run.d.document.message}`);
        if (run.ms > bound) failures.push(`${c.id} (${c.mutation}): ${run.ms.toFixed(0)} ms, over ${SLOWER}× the unmutated ${baseMs.get(c.sample)!.toFixed(0)} ms`);
      }
      expect(failures).toEqual([]);
    }, 300_000); // a guard against a hang on a loaded machine, not a speed assertion (the bound above is)
  }
});
