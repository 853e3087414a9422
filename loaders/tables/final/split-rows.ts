/**
 * Economic-code rows printed over several lines, two column groups side
 * by side (Shanghai 一般公共预算财政拨款基本支出决算表): the 类 and 款 cells,
 * the name and the amount of one row stand on different lines, e.g.
 *
 *     301 02    1,238.58 302          ← left 类 款, left amount, right 类
 *     津贴补贴    02 印刷费 7.61        ← left name, right 款, name, amount
 *
 * Rules (by token order; column positions are used only to split a
 * text-only line between the two rows):
 *  - A block starts at each line whose first token is a 3-digit economic
 *    类 cell and runs to the next such line. Its first line holds one or
 *    two 类 cells: one row, or a left and a right row.
 *  - Tokens go to the left row until the right row's 类 cell (first line)
 *    or its 款 cell (a 1–2 digit cell on a later line); then to the right
 *    row. A 款 cell right after a 类 cell on the first line is that row's.
 *  - A row takes at most one amount; a second amount, or a 款 cell that
 *    fits no row, makes the block ambiguous (its lines go to residue).
 *  - A text-only line in a two-row block is split between the rows by
 *    position: in layout text by the column of the right 类 cell; in plain
 *    text when a wide gap cuts it in two runs and both rows lack a name.
 *    Otherwise it stays out of the labels ("label fragment of either row").
 *  - A line of amounts only, followed by a line of as many 合计 labels
 *    (人员经费合计 公用经费合计), gives those totals.
 */
import { isInteger, isMoneyToken, tokenize, type Token } from "../rows.ts";

export interface SplitRow {
  code: string | null;
  label: string[];
  value: Token | null;
  valueLine: number;
  rule: string;
}

export interface SplitResult {
  rows: SplitRow[];
  /** Lines that yield no amount, with the reason; lines of ambiguous blocks. */
  residue: Array<[number, string]>;
  ambiguous: number;
}

const LEI = /^[35]\d{2}$/;
const KUAN = /^\d{1,2}$/;

/** Whether a section's body prints rows split over lines: a line with a 类 cell not followed by its name. */
export function hasSplitRows(body: Array<[number, string]>): boolean {
  return body.some(([, t]) => {
    const toks = tokenize(t);
    if (toks.length === 0 || !LEI.test(toks[0].text)) return false;
    let i = 1;
    if (i < toks.length && KUAN.test(toks[i].text)) i++;
    return i >= toks.length || isMoneyToken(toks[i].text) || LEI.test(toks[i].text);
  });
}

interface Open {
  lei: string;
  kuan: string | null;
  label: string[];
  value: Token | null;
  valueLine: number;
}

function runs(toks: Token[]): Token[][] {
  const out: Token[][] = [];
  for (const t of toks) {
    const last = out[out.length - 1];
    if (last && t.x0 - last[last.length - 1].x1 < 3) last.push(t);
    else out.push([t]);
  }
  return out;
}

function readBlock(lines: Array<[number, string]>, layout: boolean): { rows: Open[]; fragments: number[] } | null {
  const first = tokenize(lines[0][1]);
  const leis = first.filter((t) => LEI.test(t.text));
  const rightAt = leis.length >= 2 ? leis[1] : null;
  if (leis.length > 2) return null;
  const rows: Open[] = leis.map((t) => ({ lei: t.text, kuan: null, label: [], value: null, valueLine: 0 }));
  const fragments: number[] = [];
  for (let li = 0; li < lines.length; li++) {
    const [n, text] = lines[li];
    const toks = li === 0 ? first : tokenize(text);
    const textOnly = toks.every((t) => !isMoneyToken(t.text) && !KUAN.test(t.text) && !LEI.test(t.text));
    if (li > 0 && rows.length === 2 && textOnly) {
      // split a text-only line between the two rows
      if (layout && rightAt) {
        for (const t of toks) rows[t.x0 >= rightAt.x0 ? 1 : 0].label.push(t.text);
        continue;
      }
      const rs = runs(toks);
      if (rs.length === 2 && rows.every((r) => r.label.length === 0)) {
        rs.forEach((r, k) => rows[k].label.push(...r.map((t) => t.text)));
        continue;
      }
      fragments.push(n);
      continue;
    }
    let cur = 0;
    let prevLei: number | null = null;
    for (const t of toks) {
      if (li === 0 && LEI.test(t.text)) {
        cur = leis.indexOf(t);
        prevLei = cur;
        continue;
      }
      if (KUAN.test(t.text) && !isMoneyToken(t.text)) {
        const k = prevLei !== null ? prevLei : rows.length === 2 ? 1 : 0;
        if (rows[k].kuan !== null) return null;
        rows[k].kuan = t.text.padStart(2, "0");
        cur = k;
        prevLei = null;
        continue;
      }
      prevLei = null;
      if (isMoneyToken(t.text)) {
        if (rows[cur].value) return null;
        rows[cur].value = t;
        rows[cur].valueLine = n;
      } else if (isInteger(t.text)) return null;
      else rows[cur].label.push(t.text);
    }
  }
  return { rows, fragments };
}

export function readSplitRows(body: Array<[number, string]>, layout: boolean): SplitResult {
  const out: SplitResult = { rows: [], residue: [], ambiguous: 0 };
  const starts = body.map(([, t]) => LEI.test(tokenize(t)[0]?.text ?? ""));
  let i = 0;
  while (i < body.length) {
    // totals: a line of amounts only, then a line of 合计 labels
    const toks = tokenize(body[i][1]);
    if (isTotalsPair(body, i)) {
      const labels = tokenize(body[i + 1][1]);
      toks.forEach((t, k) => out.rows.push({ code: null, label: [labels[k].text], value: t, valueLine: body[i][0], rule: "split-rows:label-below" }));
      out.residue.push([body[i + 1][0], "labels of the totals printed on the line above"]);
      i += 2;
      continue;
    }
    if (!starts[i]) {
      const hasMoney = toks.some((t) => isMoneyToken(t.text));
      if (hasMoney) out.ambiguous++;
      out.residue.push([body[i][0], hasMoney ? "ambiguous columns: amounts outside any economic row" : "text between rows"]);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < body.length && !starts[j] && !isTotalsPair(body, j)) j++;
    const lines = body.slice(i, j);
    const block = readBlock(lines, layout);
    if (!block) {
      const withMoney = lines.filter(([, t]) => tokenize(t).some((k) => isMoneyToken(k.text)));
      out.ambiguous += withMoney.length;
      for (const [n, t] of lines) out.residue.push([n, tokenize(t).some((k) => isMoneyToken(k.text)) ? "ambiguous columns: economic rows split over lines, cells fit no row" : "row split over lines (not read)"]);
    } else {
      const valueLines = new Set(block.rows.filter((r) => r.value).map((r) => r.valueLine));
      for (const r of block.rows)
        out.rows.push({ code: r.lei + (r.kuan ?? ""), label: r.label, value: r.value, valueLine: r.valueLine || lines[0][0], rule: "split-rows:block" });
      for (const [n] of lines) {
        if (block.fragments.includes(n)) out.residue.push([n, "label fragment of either row"]);
        else if (!valueLines.has(n)) out.residue.push([n, block.rows.some((r) => r.value) ? "row split over lines" : "row without values"]);
      }
    }
    i = j;
  }
  return out;
}

function isTotalsPair(body: Array<[number, string]>, i: number): boolean {
  const toks = tokenize(body[i][1]);
  if (toks.length === 0 || !toks.every((t) => isMoneyToken(t.text)) || i + 1 >= body.length) return false;
  const labels = tokenize(body[i + 1][1]);
  return labels.length === toks.length && labels.every((l) => /合计$/.test(l.text));
}
