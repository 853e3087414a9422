/**
 * Indicator rows of a plain-text 绩效 table (000, 001, 004). The header
 * (possibly one character per line) gives the column order. A row is a
 * "value line" (operator / 定性, or for tables without 指标性质 a run of
 * score numbers after the target and actual); the text lines before it are
 * headings, the wrapped indicator name, or the wrapped 未完成原因 of the
 * previous row — told apart by the heading vocabulary, whether the value
 * line carries its own name, and sentence ends (`。`).
 */
import { applyHeadings, headerSchema, headingPrefixRest, isHeading, scanHeadings, withColumnsAbove, type Levels } from "./headings.ts";
import { parseValue } from "./values.ts";
import { amountCell } from "./project.ts";
import { emptyValues, isNatureToken, joinUnits, mayHoldNatureToken, splitTokens, walk, type RawIndicator, type RowsResult } from "./row.ts";
import { removeSpaces } from "../base/fold.ts";
import type { BlockText } from "./block-text.ts";
import { ascending } from "../base/line-order.ts";
import { isTargetOnly, readTargetRows } from "./target-rows.ts";
import { pageLineNote } from "../document/line-kinds.ts";


/** Words of an indicator table's header (a header line holds one). */
const HEADER_WORDS = /指标|备注|名称|内容|单位|分值|得分|原因|性质|完成值|实际|偏差|说明|权重|措施/;
/** A 一级 heading printed one character per line starts with one of these. */
const LEVEL1_FIRST = ["产", "效", "满", "成"];
const LEVEL1_START = ["产出", "效益", "满意", "成本"];
const SENTENCE_END = /[。；;！!]$/;

/** A line that closes the indicator rows: the evaluation's conclusion, or a 自评 label (only lines starting with 评 or 自 are tested). */
const CONCLUSION = /^(评价结论|自评结论|评价$|自$)/;
const isConclusion = (c: string): boolean => (c.startsWith("评") || c.startsWith("自")) && CONCLUSION.test(c);

/** Find the indicator header: the line holding 一级指标 (or a vertical 一 / 级). */
export function findHeader(text: BlockText): number | null {
  const { start, end } = text;
  for (let i = start; i <= end; i++) {
    const c = text.compact(i);
    if (c.includes("一级指标")) return i;
    if (c === "一级" || c === "一") {
      let j = i + 1;
      while (j <= end && text.compact(j) === "") j++;
      if (j <= end && /^(指标|级)/.test(text.compact(j))) return i;
    }
  }
  return null;
}

/** Leading cells that are headings (or cut headings): their names, and what a cut one still misses. */
function leadHeadings(tokens: string[]): { names: string[]; rest: string | null; count: number } {
  const names: string[] = [];
  let rest: string | null = null;
  let k = 0;
  for (; k < tokens.length - 1; k++) {
    if (isHeading(tokens[k])) names.push(removeSpaces(tokens[k]).replace(/[（(]\d+分[)）]$/, ""));
    else {
      const r = headingPrefixRest(tokens[k]);
      if (r === null) break;
      names.push(removeSpaces(tokens[k]) + r);
      rest = r;
    }
  }
  return { names, rest, count: k };
}

/** Words of a header cell printed on lines of its own above the 一级指标 line (centred over several lines). */
const HEADER_ABOVE = /^(年度指标|预期指标|偏差原因分析|偏差原因|未完成原因分析|实际完成值|指标值|分值|得分|权重)$/;

/** The lines just above the header line that print only header words (at most three). */
function headerAbove(text: BlockText, header: number): number[] {
  const out: number[] = [];
  for (let i = header - 1; i >= text.start && out.length < 3; i--) {
    const c = text.compact(i);
    if (c === "") continue;
    if (!HEADER_ABOVE.test(c)) break;
    out.unshift(i);
  }
  return out;
}

/** A value cell printed with a number (`≥90%`, `2次`, `98.69%`). */
const isNumberValue = (tok: string): boolean => parseValue(tok).value !== null;

export function readTextRows(text: BlockText): RowsResult {
  const { lines, end } = text;
  const notes = new Map<number, string>();
  const used = new Set<number>();
  const indicators: RawIndicator[] = [];
  const header = findHeader(text);
  if (header === null) return { indicators, notes, used, sum_line: null, schema: [] };

  // header block: up to the first heading / value line
  let i = header;
  const headerText: string[] = [];
  for (; i <= end; i++) {
    const raw = lines[i - 1];
    const c = text.compact(i);
    if (c === "") continue;
    // a 绩效目标表's header is read once it names its value column: the rows follow (their values are not all operators)
    if (i > header && !HEADER_WORDS.test(c) && isTargetOnly(headerSchema(headerText.join("")))) break;
    if (i > header && (scanHeadings(c).hits.length > 0 || LEVEL1_START.includes(c) || LEVEL1_FIRST.includes(c) || headingPrefixRest(c) !== null || (mayHoldNatureToken(raw) && splitTokens(raw).some(isNatureToken)))) break;
    headerText.push(raw);
    notes.set(i, "indicator table header");
  }
  const above = headerAbove(text, header);
  for (const l of above) notes.set(l, "indicator table header");
  const schema = withColumnsAbove(headerSchema(headerText.join("")), above.map((l) => text.compact(l)).join(""));
  if (isTargetOnly(schema)) return readTargetRows(text, i, notes, used, headerText.some((h) => removeSpaces(h).includes("备注")));
  const hasNature = schema.includes("nature");
  const hasUnitColumn = schema.includes("unit");
  const scoreless = !hasNature && schema.includes("target") && schema.includes("actual") && !schema.includes("weight") && !schema.includes("score");

  let levels: Levels = { level1: null, level2: null };
  let buffer: { line: number; text: string }[] = [];
  let expectRest: string | null = null;
  let pendingQual: RawIndicator | null = null;
  let sum_line: number | null = null;

  const prev = () => (indicators.length > 0 ? indicators[indicators.length - 1] : null);

  /** Split the buffered text lines into (reason of previous | headings | name prefix). */
  const flush = (ownName: boolean): { name: string; lines: number[] } => {
    const buf = buffer;
    buffer = [];
    if (buf.length === 0) return { name: "", lines: [] };
    const offs: number[] = [];
    let S = "";
    for (const b of buf) {
      offs.push(S.length);
      S += b.text;
    }
    const { hits, labels } = scanHeadings(S);
    // each list is in text order and the two never overlap: sorted only where both hold marks
    const marks = labels.length === 0 ? hits : hits.length === 0 ? labels : [...hits, ...labels].sort((a, b) => a.start - b.start);
    const first = marks.length > 0 ? marks[0].start : S.length;
    const last = marks.length > 0 ? marks[marks.length - 1].end : S.length;
    if (hits.length > 0) levels = applyHeadings(levels, hits.map((h) => h.name));
    // lines (with their pre-heading part)
    const preLines: { line: number; text: string }[] = [];
    const postLines: number[] = [];
    buf.forEach((b, k) => {
      const a = offs[k];
      const z = a + b.text.length;
      if (a < first) preLines.push({ line: b.line, text: S.slice(a, Math.min(z, first)) });
      if (z > last) postLines.push(b.line);
      if (z > first && a < last) notes.set(b.line, "indicator heading");
    });
    const post = S.slice(last);
    const p = prev();
    let nameFromPre: { line: number; text: string }[] = [];
    if (preLines.length > 0) {
      const canReason = p !== null && schema.includes("reason");
      let cut = 0; // number of pre lines that continue the previous reason
      if (canReason) {
        if (ownName || marks.length > 0) cut = preLines.length;
        else {
          for (let k = 0; k < preLines.length; k++) if (SENTENCE_END.test(preLines[k].text)) cut = k + 1;
          const open = p!.values.reason !== null && !SENTENCE_END.test(p!.values.reason);
          if (cut === 0 && open && ownName) cut = preLines.length;
        }
      }
      const reasonPart = preLines.slice(0, cut);
      if (reasonPart.length > 0) {
        p!.values.reason = (p!.values.reason ?? "") + reasonPart.map((r) => r.text).join("");
        for (const r of reasonPart) {
          p!.source_lines.push(r.line);
          used.add(r.line);
          notes.delete(r.line);
        }
      }
      nameFromPre = preLines.slice(cut);
      if (ownName || marks.length > 0) {
        for (const r of nameFromPre) notes.set(r.line, "text between indicator rows not placed");
        nameFromPre = [];
      }
    }
    const nameLines = [...nameFromPre.map((r) => r.line), ...postLines];
    for (const l of nameLines) {
      used.add(l);
      notes.delete(l);
    }
    return { name: nameFromPre.map((r) => r.text).join("") + post, lines: nameLines };
  };

  for (; i <= end; i++) {
    const t = text.trimmed(i);
    if (t === "") continue;
    const c = text.compact(i);
    const page = pageLineNote(text.lines, i);
    if (page !== null) {
      notes.set(i, page);
      continue;
    }
    if ((c.startsWith("合计") || c.startsWith("总分")) && splitTokens(t).slice(1).some((x) => amountCell(x) !== null)) {
      sum_line = i;
      break;
    }
    if (isConclusion(c)) {
      sum_line = i;
      break;
    }
    if (expectRest !== null && c === expectRest) {
      notes.set(i, "indicator heading continues");
      expectRest = null;
      continue;
    }
    expectRest = null;

    // the tokens: where a pending 定性 row reads its scores, where a run of score numbers ends a row, or where a line can hold a nature token
    const split = pendingQual !== null || !hasNature || mayHoldNatureToken(t) ? splitTokens(t) : [];
    const tokens = hasUnitColumn ? split : joinUnits(split);

    // a pending 定性 row: its target text, then the line with its scores
    if (pendingQual) {
      if (!tokens.some((x) => amountCell(x) !== null)) {
        pendingQual.values.target = (pendingQual.values.target ?? "") + c;
        pendingQual.source_lines.push(i);
        used.add(i);
        continue;
      }
      const after = schema.slice(schema.indexOf("target") + 1).filter((k) => k !== "unit");
      const left = walk(tokens, after, pendingQual.values);
      pendingQual.source_line = i;
      pendingQual.source_lines.push(i);
      used.add(i);
      if (left.length > 0) pendingQual.rule = "unplaced tokens: " + left.join(" ");
      pendingQual = null;
      continue;
    }

    let vi = -1; // first value token
    let numRun: { from: number; to: number } | null = null;
    let pairOnly = false;
    if (hasNature) vi = tokens.findIndex(isNatureToken);
    else if (scoreless) {
      // no 分值 / 得分: a row prints its target and its actual as numbers, then its reason, if any
      for (let k = tokens.length - 2; k >= 0 && vi < 0; k--) if (isNumberValue(tokens[k]) && isNumberValue(tokens[k + 1])) vi = k;
      pairOnly = vi >= 0;
    } else {
      let z = tokens.length - 1;
      while (z >= 0 && amountCell(tokens[z]) === null) z--;
      let a = z;
      while (a - 1 >= 0 && amountCell(tokens[a - 1]) !== null && !/[%％]$/.test(tokens[a - 1]) && z - a < 1) a--;
      if (z >= 0 && !/[%％]$/.test(tokens[z]) && a >= 2) {
        numRun = { from: a, to: z };
        vi = a - 2;
      }
    }
    if (vi < 0) {
      buffer.push({ line: i, text: c });
      notes.set(i, "text in indicator table not placed");
      continue;
    }

    const lead = tokens.slice(0, vi);
    const lh = leadHeadings(lead);
    const ownTokens = lead.slice(lh.count);
    const fl = flush(ownTokens.length > 0);
    if (lh.names.length > 0) levels = applyHeadings(levels, lh.names);
    expectRest = lh.rest;
    const name = fl.name + ownTokens.join(" ");
    const ind: RawIndicator = {
      level1: levels.level1,
      level2: levels.level2,
      name,
      values: emptyValues(),
      source_line: i,
      source_lines: ascending([...fl.lines, i]),
      rule: fl.name !== "" && ownTokens.length > 0 ? "name joined across lines" : null,
    };
    used.add(i);
    notes.delete(i);
    const rest = tokens.slice(vi);
    if (hasNature) {
      const left = walk(rest, schema.slice(schema.indexOf("nature")), ind.values);
      if (left.length > 0) ind.rule = "unplaced tokens: " + left.join(" ");
      if (ind.values.nature === "定性" && ind.values.target === null) pendingQual = ind;
    } else if (pairOnly) {
      ind.values.target = tokens[vi];
      ind.values.actual = tokens[vi + 1];
      const tail = tokens.slice(vi + 2);
      if (tail.length > 0) ind.values.reason = tail.join(" ");
    } else if (numRun) {
      ind.values.target = tokens[vi];
      ind.values.actual = tokens[vi + 1];
      const nums = tokens.slice(numRun.from, numRun.to + 1).map(amountCell);
      const scoreKeys = schema.filter((k) => k === "weight" || k === "score");
      if (nums.length === scoreKeys.length) scoreKeys.forEach((k, n) => (ind.values[k] = nums[n]));
      else if (nums.length === 1 && scoreKeys[0] === "weight") {
        ind.values.weight = nums[0];
        ind.rule = "one number after the values taken as 分值 (得分 blank)";
      }
      const tail = tokens.slice(numRun.to + 1);
      if (tail.length > 0) ind.values.reason = tail.join(" ");
    }
    if (ind.name === "") ind.rule = (ind.rule ? ind.rule + "; " : "") + "no indicator name found";
    indicators.push(ind);
  }
  // text after the last row: the last reason's continuation, else residue
  if (buffer.length > 0) flush(true);
  return { indicators, notes, used, sum_line, schema };
}
