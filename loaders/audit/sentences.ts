/** Prose facts grouped by the sentence that states them, in reading order. */
import { remembered } from "../base/memo.ts";
import type { NarrativeFactLike } from "./types.ts";

/** Position of a fact on its line (the index of `${doc}:${line}:${index}`). */
export function factIndex(f: NarrativeFactLike): number {
  const m = f.fact_id.match(/:(\d+)$/);
  return m ? Number(m[1]) : 0;
}

// Several rules read the same facts in reading order and by sentence: each is
// computed once per facts array (the audit never changes the arrays it reads).
const readingOrderMemo = new WeakMap<readonly NarrativeFactLike[], readonly NarrativeFactLike[]>();
const sentencesMemo = new WeakMap<readonly NarrativeFactLike[], ReadonlyArray<readonly NarrativeFactLike[]>>();

/** The facts in reading order: by line, then position on the line (each fact's index read once, not at every comparison). */
export function inReadingOrder(facts: readonly NarrativeFactLike[]): readonly NarrativeFactLike[] {
  let sorted = readingOrderMemo.get(facts);
  if (!sorted) {
    const keyed = facts.map((f) => ({ f, line: f.source_line, index: factIndex(f) }));
    keyed.sort((a, b) => a.line - b.line || a.index - b.index);
    readingOrderMemo.set(facts, (sorted = keyed.map((k) => k.f)));
  }
  return sorted;
}

/** Sentences (key: first line + text) with their facts in reading order; sentences in document order. */
export function sentencesOf(facts: readonly NarrativeFactLike[]): ReadonlyArray<readonly NarrativeFactLike[]> {
  let sentences = sentencesMemo.get(facts);
  if (!sentences) {
    const groups = new Map<string, NarrativeFactLike[]>();
    for (const f of inReadingOrder(facts)) {
      const group = groups.get(f.sentence);
      if (group) group.push(f);
      else groups.set(f.sentence, [f]);
    }
    sentencesMemo.set(facts, (sentences = [...groups.values()]));
  }
  return sentences;
}

/** The lines a set of facts was printed on. */
export function linesOf(...facts: Array<NarrativeFactLike | null | undefined>): number[] {
  return facts.filter((f): f is NarrativeFactLike => !!f).map((f) => f.source_line);
}

/** Money facts stated (not derived) as amounts. */
export const isStatedAmount = (f: NarrativeFactLike): boolean => f.measure === "amount" && !f.derived && f.amount_wan !== null;

/**
 * A section of the standard 说明 (收入支出总体情况, 支出决算情况, 财政拨款,
 * “三公”, 机关运行经费, 政府采购, 国有资产 …), not one about a sub-unit or a
 * 绩效 report (which speak of other money).
 */
export function isStandardSection(section: string | null | undefined): boolean {
  return section ? standardSection(section) : false;
}

/** Each heading read once: a document's facts share a few dozen headings. */
const standardSection = remembered((section: string): boolean => {
  const s = section.replace(/\s+/g, "");
  return /收入支出|收支|收入|支出|财政拨款|三公|机关运行|政府采购|国有资产|其他重要事项/.test(s) && !/绩效|单位|局|办公室|中心|本级/.test(s);
});
