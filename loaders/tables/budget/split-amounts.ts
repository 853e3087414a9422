/**
 * Amounts wrapped in narrow cells, as a text without positions prints them:
 * the head of each amount on the line above its row, the tail on the line
 * below (`1682.7   1682.7   1208.2   0.0   0.0` / `总计： 997.20 …` /
 * `6   6   0 0   0`). The text keeps no x-positions (the PDF path joins these
 * by position: ingest/pdf/lines.ts), so here a join is only a hypothesis:
 * the k-th head with the k-th tail, every head alone no amount and every
 * head + tail one (two decimals), as many heads as tails. The joined amounts
 * stand in columns the row's line leaves empty, interleaved with its numbers
 * in an order the text lost; the table's arithmetic decides (the row's
 * identities, then its parents' column sums): by-code.ts reads the row in
 * every interleaving that keeps its identities and places what they prove.
 *
 * A placed joined amount names its fragments in its rule (`joined: 1682.7
 * (line 185) + 6 (line 187)`), so the coverage report counts the fragments'
 * lines as read.
 */
import { cellTexts, parseNumber } from "../../ingest/numbers.ts";

/** A money amount as tables print it: two decimals, with or without thousands separators. */
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;
/** The tail of an amount wrapped onto the next line of a narrow cell ("6" of "1682.7" / "6"). */
const TAIL = /^[\d.,]{1,3}$/;
/** A token printing one number, or the head of one. */
const NUMBERISH = /^\d[\d,]*\.?\d*$/;

export interface Fragment {
  line: number;
  text: string;
}

export interface SplitAmount {
  value: number;
  /** The amount as joined (`1682.76`). */
  text: string;
  head: Fragment;
  tail: Fragment;
}

/** A row's amounts wrapped around its line: the head line just above, the tail line just below. */
export interface WrappedAround {
  row: number;
  head: number;
  tail: number;
  amounts: SplitAmount[];
}

/** The amounts a head line and a tail line print together, or null when they are not one row's wrapped amounts. */
function joinLines(head: [number, string], tail: [number, string]): SplitAmount[] | null {
  const heads = cellTexts(head[1]);
  const tails = cellTexts(tail[1]);
  if (heads.length === 0 || heads.length !== tails.length) return null;
  if (!tails.every((t) => TAIL.test(t))) return null;
  const out: SplitAmount[] = [];
  for (let k = 0; k < heads.length; k++) {
    const text = heads[k] + tails[k];
    if (!NUMBERISH.test(heads[k]) || AMOUNT.test(heads[k]) || !AMOUNT.test(text)) return null;
    const value = parseNumber(text);
    if (value === null) return null;
    out.push({ value, text, head: { line: head[0], text: heads[k] }, tail: { line: tail[0], text: tails[k] } });
  }
  return out;
}

/**
 * The rows of a body whose amounts wrapped around their line: a line of
 * heads only, the row's line (a code or a label, and numbers), a line of
 * tails only, consecutive. `isRow` says which lines are rows. At most `n`
 * numbers per row once joined (the table's columns).
 */
export function wrappedAmounts(body: Array<[number, string]>, isRow: (line: number, text: string) => number | null, n: number): Map<number, WrappedAround> {
  const out = new Map<number, WrappedAround>();
  const at = new Map(body);
  const used = new Set<number>();
  for (const [r, text] of body) {
    const printed = isRow(r, text);
    if (printed === null || used.has(r - 1) || used.has(r)) continue;
    const head = at.get(r - 1);
    const tail = at.get(r + 1);
    if (head === undefined || tail === undefined || isRow(r - 1, head) !== null) continue;
    const amounts = joinLines([r - 1, head], [r + 1, tail]);
    if (!amounts || printed + amounts.length > n) continue;
    out.set(r, { row: r, head: r - 1, tail: r + 1, amounts });
    for (const l of [r - 1, r, r + 1]) used.add(l);
  }
  return out;
}

/** The lines a wrapped row consumed besides its own. */
export function fragmentLines(rows: Map<number, WrappedAround>): Set<number> {
  return new Set([...rows.values()].flatMap((w) => [w.head, w.tail]));
}

/** The rule note of a placed joined amount, naming its fragments. */
export function joinNote(a: SplitAmount): string {
  return `joined: ${a.head.text} (line ${a.head.line}) + ${a.tail.text} (line ${a.tail.line})`;
}

const NOTE = /joined: (\S+) \(line (\d+)\) \+ (\S+) \(line (\d+)\)/;

/** The fragments a placed item's rule names (joinNote), each with the value it prints; [] for any other rule. */
export function joinedFragments(rule: string | null): Array<{ line: number; value: number }> {
  const m = rule?.match(NOTE);
  if (!m) return [];
  return [
    { line: Number(m[2]), value: parseNumber(m[1]) ?? Number.NaN },
    { line: Number(m[4]), value: parseNumber(m[3]) ?? Number.NaN },
  ];
}
