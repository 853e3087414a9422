/** Prose facts grouped by the sentence that states them, in reading order. */
import type { NarrativeFactLike } from "./types.ts";

/** Position of a fact on its line (the index of `${doc}:${line}:${index}`). */
export function factIndex(f: NarrativeFactLike): number {
  const m = f.fact_id.match(/:(\d+)$/);
  return m ? Number(m[1]) : 0;
}

export function byReadingOrder(a: NarrativeFactLike, b: NarrativeFactLike): number {
  return a.source_line - b.source_line || factIndex(a) - factIndex(b);
}

/** Sentences (key: first line + text) with their facts in reading order; sentences in document order. */
export function sentencesOf(facts: NarrativeFactLike[]): NarrativeFactLike[][] {
  const groups = new Map<string, NarrativeFactLike[]>();
  const sorted = [...facts].sort(byReadingOrder);
  for (const f of sorted) {
    const k = f.sentence;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  return [...groups.values()];
}

/** The lines a set of facts was printed on. */
export function linesOf(...facts: Array<NarrativeFactLike | null | undefined>): number[] {
  return facts.filter((f): f is NarrativeFactLike => !!f).map((f) => f.source_line);
}

/** Money facts stated (not derived) as amounts. */
export const isStatedAmount = (f: NarrativeFactLike): boolean => f.measure === "amount" && !f.derived && f.amount_wan !== null;
