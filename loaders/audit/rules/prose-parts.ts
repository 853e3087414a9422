/**
 * prose_parts: a whole stated in the prose and the parts listed right after
 * it (…X万元，其中：A万元、B万元… / 分别为 / 主要包括 / 包括 / 主要用于) —
 * money, counts (辆, 人/名, 批次, 人次, 个 …) and scores (分) alike:
 *   Σ parts > whole: the numbers cannot both hold (error);
 *   a whole of 0 with a positive part (error);
 *   Σ parts ≠ whole where the list is complete — its shares add up to 100 %,
 *   it says 分别为, or its sum comes within 1 % of the whole (warning beyond
 *   the rounding of the printed digits, info within it).
 * The whole is the figure printed right before the marker; the parts are the
 * figures of its kind after it: one per “；” clause when the list is set out
 * in clauses, else those up to the next “；”. A nested list (基本支出…，包括
 * 人员经费…) inside a part is not counted twice.
 */
import { toWanFactor } from "../../base/money.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { sentencesOf } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";
import { proseTolerance } from "./prose-tables.ts";

const MARKER = /其中[:：，,]?|分别为|分别是|具体包括|主要包括|包括|主要用于[:：]?|主要有|具体为|具体是/g;
const EXHAUSTIVE = /分别为|分别是/;

const COUNT_UNITS: Record<string, string> = { 名: "人", 人: "人" };

function kindOf(f: NarrativeFactLike): string | null {
  if (f.derived) return null;
  // a change against last year (比上年减少 X) is not a part of anything
  if (f.amount_wan !== null && ["amount", "budget_amount", "adjusted_budget_amount"].includes(f.measure)) return "money";
  if (f.measure === "count" || f.measure === "change_count") return `count:${COUNT_UNITS[f.unit] ?? f.unit}`;
  if (f.measure === "score") return "score";
  return null;
}

interface Placed {
  f: NarrativeFactLike;
  at: number;
  end: number;
}

/** A number as printed in a sentence (thousands separators allowed). */
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** Every match of a global pattern (one that matches no empty string) in `text`, by an exec loop: matchAll would copy the pattern and build an iterator per sentence. */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(m);
  return out;
}

/** Where each stated fact's number stands in its sentence (facts in reading order, numbers matched left to right). */
function place(sentence: string, facts: readonly NarrativeFactLike[]): Placed[] {
  const tokens = matchesOf(NUMBER, sentence).map((m) => ({
    value: Number(m[0].includes(",") ? m[0].replace(/,/g, "") : m[0]),
    at: m.index,
    end: m.index + m[0].length,
  }));
  const out: Placed[] = [];
  let cursor = 0;
  for (const f of facts) {
    if (f.derived) continue;
    const i = tokens.findIndex((t, k) => k >= cursor && Math.abs(t.value - Math.abs(f.value)) < 1e-9);
    if (i < 0) continue;
    out.push({ f, at: tokens[i].at, end: tokens[i].end });
    cursor = i + 1;
  }
  return out;
}

function tolerance(f: NarrativeFactLike, kind: string): number {
  if (kind === "money") return proseTolerance(f);
  const s = String(f.value);
  const d = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
  return kind === "score" && d > 0 ? 0.5 * 10 ** -d : 0;
}

export function proseParts(ctx: AuditContext, run: RuleRun): void {
  for (const facts of sentencesOf(ctx.input.facts ?? [])) {
    const text = facts[0].sentence;
    // parts need their marker (其中, 包括 …): most sentences have none, and their numbers are not placed
    const markers = matchesOf(MARKER, text).map((m) => ({ at: m.index, end: m.index + m[0].length, word: m[0] }));
    if (markers.length === 0) continue;
    const placed = place(text, facts);
    if (placed.length < 2) continue;
    for (const mk of markers) {
      // the whole: the figure printed right before the marker, of a kind that has parts
      const before = placed.filter((p) => p.end <= mk.at);
      const whole = before[before.length - 1];
      if (!whole) continue;
      const kind = kindOf(whole.f);
      // nothing but words between the whole and its marker (“X万元，其中：”, not “X辆，18万元报废更新，其中：”)
      if (!kind || /[。；\d]/.test(text.slice(whole.end, mk.at))) continue;
      // the list ends with the sentence, or with the bracket the marker opened (“（其中基本支出…，项目支出…）”)
      const stop = /[（(]$/.test(text.slice(0, mk.at)) ? /[）)]/g : /。/g;
      stop.lastIndex = mk.end;
      const closing = stop.exec(text);
      const end = closing ? closing.index : text.length;
      const after = placed.filter((p) => p.at >= mk.end && p.at < end && kindOf(p.f) === kind && p.f.year === whole.f.year);
      if (after.length === 0) continue;
      const semis: number[] = [];
      for (let at = text.indexOf("；", mk.end); at >= 0 && at < end; at = text.indexOf("；", at + 1)) semis.push(at);
      const clauseOf = (p: Placed) => semis.filter((s) => s < p.at).length;
      let parts: Placed[];
      // the first part stands in the marker's own clause (not “X万元，主要用于…；Y万元…”: a list of uses, each with its own amount)
      if (clauseOf(after[0]) > 0) continue;
      const clauses = after.length > 1 && clauseOf(after[1]) > clauseOf(after[0]);
      if (clauses) {
        // set out in clauses: the first figure of each clause (a nested list's figures follow it in the same clause);
        // a later clause with a list of its own starts another whole (“…；授予中小企业合同金额X，其中：…”)
        const ownList = (c: number) => markers.some((m) => m.at > mk.end && m.at < end && clauseOf({ at: m.at } as Placed) === c);
        const seen = new Set<number>();
        const first = after.filter((p) => !seen.has(clauseOf(p)) && seen.add(clauseOf(p)));
        // … and a clause that opens a new section (“四、财政拨款收入支出决算总体情况说明”) ends the list
        const clauseText = (c: number) => text.slice(c === 0 ? mk.end : semis[c - 1], c < semis.length ? semis[c] : end);
        const cut = first.findIndex((p) => clauseOf(p) > 0 && (ownList(clauseOf(p)) || /[一二三四五六七八九十]+\s*、|情况说明/.test(clauseText(clauseOf(p)))));
        parts = cut < 0 ? first : first.slice(0, cut);
      } else parts = after.filter((p) => clauseOf(p) === 0);
      // a nested list inside the parts: stop at the next marker's figures
      const nested = markers.find((m) => m.at > mk.end && m.at < end && parts.some((p) => p.end <= m.at) && parts.some((p) => p.at >= m.end));
      if (nested && !clauses) parts = parts.filter((p) => p.at < nested.at);
      if (parts.length === 0) continue;
      const w = whole.f;
      const sum = parts.reduce((s, p) => s + (kind === "money" ? p.f.amount_wan! : p.f.value), 0);
      const wv = kind === "money" ? w.amount_wan! : w.value;
      const tol = Math.max(1e-9, tolerance(w, kind) + parts.reduce((s, p) => s + tolerance(p.f, kind), 0));
      const unit = kind === "money" ? "万元" : w.unit;
      // built only for a finding (most wholes agree with their parts)
      const where = () => ({
        zh: `正文“${w.subject}”${w.value}${w.unit} 与其后所列 ${parts.length} 项（${parts.map((p) => p.f.subject).join("、")}）`,
        en: `prose "${w.subject}" ${w.value} ${w.unit} against the ${parts.length} parts listed after it`,
        subject: w.subject,
        source_lines: [w.source_line, ...parts.map((p) => p.f.source_line)],
        table_ids: [],
      });
      if (wv === 0 && parts.some((p) => p.f.value > 0)) {
        run.fail(
          where(),
          "error",
          `总数为 0，所列部分却有正数（合计 ${Math.round(sum * 100) / 100}${unit}）。`,
          `the whole is 0 while a listed part is positive (sum ${Math.round(sum * 100) / 100} ${unit}).`,
          sum,
          wv,
        );
        continue;
      }
      // a whole printed in another unit than its parts, whose parts fit once it is read in theirs: the units rule's
      const partUnit = parts[0].f.unit;
      if (
        kind === "money" &&
        w.unit !== partUnit &&
        parts.every((p) => p.f.unit === partUnit) &&
        sum > wv + tol &&
        sum <= w.value * (toWanFactor(partUnit) ?? 1) + tol
      ) {
        run.pass();
        continue;
      }
      if (sum > wv + tol) {
        run.amounts(where, sum, wv, parts.length + 1, "table", tol);
        continue;
      }
      const listedShares = parts.map((p) => facts[facts.indexOf(p.f) + 1]).filter((f) => f && f.measure === "share_pct");
      const sharesComplete = listedShares.length === parts.length && Math.abs(listedShares.reduce((s, f) => s + f.value, 0) - 100) <= 0.5;
      const complete = sharesComplete || EXHAUSTIVE.test(mk.word) || (wv > 0 && Math.abs(wv - sum) <= 0.01 * wv);
      if (complete) run.amounts(where, sum, wv, parts.length + 1, "prose", tol);
      else run.pass();
    }
  }
}
