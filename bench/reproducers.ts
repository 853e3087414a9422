/**
 * Benchmark (not a test): the inputs issue 10 found quadratic, at growing
 * sizes, extracted whole (decode → tables → prose → 绩效 → audit). Prints
 * size, time and time per unit of size: flat per-unit figures mean linear
 * growth.
 *   npm run bench:reproducers -- [name...]   (digits proseNumbers proseLines titleBlocks)
 */
import { extractBytes } from "../loaders/extract.ts";
import { loadSamples, REPRODUCERS, reproducer, type ReproducerName } from "../tests/loaders/mutations.ts";

const samples = loadSamples();
const asked = process.argv.slice(2).filter((a) => a in REPRODUCERS) as ReproducerName[];
const names = asked.length > 0 ? asked : (Object.keys(REPRODUCERS) as ReproducerName[]);

const time = (bytes: Uint8Array, name: string) => {
  const s = performance.now();
  const out = extractBytes(bytes, name);
  return { ms: performance.now() - s, out };
};

// warm-up on the unmutated samples
for (const s of samples) extractBytes(s.bytes, s.name);

console.log("reproducer".padEnd(14), "size".padStart(8), "bytes".padStart(10), "ms".padStart(9), "µs/unit".padStart(9), "tables".padStart(7), "facts".padStart(7), "checks".padStart(7), "residue".padStart(8));
for (const name of names) {
  const spec = REPRODUCERS[name];
  const base = samples.find((s) => s.name.startsWith(spec.sample))!;
  const b = time(base.bytes, base.name);
  console.log(`${name} on ${base.name}: unmutated ${b.ms.toFixed(0)} ms; size in ${spec.unit}`);
  for (const n of spec.sizes) {
    const c = reproducer(samples, name, n);
    const { ms, out } = time(c.bytes, c.sample);
    console.log(
      "".padEnd(14),
      String(n).padStart(8),
      String(c.bytes.length).padStart(10),
      ms.toFixed(0).padStart(9),
      ((1000 * Math.max(0, ms - b.ms)) / n).toFixed(1).padStart(9),
      String(out.tables.length).padStart(7),
      String(out.narrative_facts.length).padStart(7),
      String(out.checks.length).padStart(7),
      String(out.residue.length).padStart(8),
    );
  }
}
