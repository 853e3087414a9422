/**
 * explanations: a change against the previous year that the templates
 * require to be explained (收支总计, 收入, 支出, 财政拨款, “三公”经费, 机关运行经费
 * … “增减变化情况及主要原因”) carries its reason. A change of at least
 * THRESHOLD_PCT percent (or, where no percent is printed, of at least that
 * share of the earlier figure) whose sentence and the lines right after it
 * give no reason (主要原因 / 主要是 / 由于 / 因 / 用于 …) is flagged — a
 * wording matter: warning. “持平”, “无增减” and changes under the threshold
 * need none. Runs only when the input carries the document's lines.
 */
import { removeSpaces } from "../../base/fold.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { sentencesOf } from "../sentences.ts";

/** Changes of at least this many percent must be explained. */
export const THRESHOLD_PCT = 10;

const REASON = /原因|主要是|主要系|主要为|主要用于|用于|由于|因为|因|系|是指|得益于|随着|导致|所致|增加了|减少了|新增|调整|追加/;
/** Lines after the change read for its reason (a reason often opens the next sentence or paragraph). */
const LOOKAHEAD = 4;

export function explanations(ctx: AuditContext, run: RuleRun): void {
  const lines = ctx.input.lines;
  if (!lines) return; // a reason often stands after the sentence: without the text, nothing to judge
  for (const sentence of sentencesOf(ctx.input.facts ?? [])) {
    const pct = sentence.find((f) => f.measure === "change_pct" && !f.derived && f.unit === "%");
    const amount = sentence.find((f) => f.measure === "change_amount" && !f.derived && f.amount_wan !== null);
    const change = pct ?? amount;
    if (!change) continue;
    let size: number | null = pct ? Math.abs(pct.value) : null;
    if (size === null && amount) {
      const earlier = sentence.find((f) => f.derived && f.measure === "amount" && f.amount_wan);
      size = earlier ? (Math.abs(amount.amount_wan!) / Math.abs(earlier.amount_wan!)) * 100 : null;
    }
    if (size === null || size < THRESHOLD_PCT) continue;
    // the sentence's own lines (a reason may follow it on the same line) and the lines right after
    const first = Math.min(...sentence.map((f) => f.source_line));
    const last = Math.max(...sentence.map((f) => f.source_line));
    const after = lines.slice(first - 1, last + LOOKAHEAD).join("");
    const text = removeSpaces(change.sentence + after);
    const where = {
      zh: `正文“${change.subject}”较上年变动 ${Math.round(size * 100) / 100}%`,
      en: `prose "${change.subject}" changed ${Math.round(size * 100) / 100}% on the previous year`,
      subject: change.subject,
      source_lines: [change.source_line],
      table_ids: [],
    };
    if (REASON.test(text)) run.pass();
    else
      run.fail(
        where,
        "warning",
        `变动超过 ${THRESHOLD_PCT}%，未说明主要原因。`,
        `a change of ${THRESHOLD_PCT}% or more is given without its main reason.`,
        THRESHOLD_PCT,
        Math.round(size * 100) / 100,
      );
  }
}
