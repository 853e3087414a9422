/**
 * Table-like blocks: runs of lines that print several amounts in cells,
 * whatever the title above them says (or whether there is one). They are
 * what a reader of the document sees as tables, so they are the yardstick
 * of the table reader: a block that no standard table or 绩效 block covers
 * was not read, and the document says so (see extract.ts), and the
 * coverage report counts how many of their numbers were placed.
 */

import { cellTexts } from "../ingest/numbers.ts";
import { chineseName } from "../schema/classification-names.ts";

/** An amount printed as a cell: 1,234.56, 1234.56, 0.00, -3.5, 426680000, 0. */
const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CJK = /[\u4e00-\u9fff]/;

export interface AmountCell {
  text: string;
  value: number;
}

/**
 * The amounts printed as cells of a line. Cells are the white-space
 * separated tokens, an amount glued to text split from it (ingest/numbers.ts
 * cellTexts); a number before the line's first label (a code:
 * `245001 西安市医疗保障局 …`, `2010501 行政运行`) is not an amount, nor is a
 * bare integer of one or two digits other than 0 (a 行次 row number:
 * `总计 31 22,066.59`), nor a classification code printed where codes stand
 * (see classificationCodeAt), nor a number followed by its unit
 * (`48054.42 万元`: prose). A line of sentences (，。；) has cells only if it
 * holds three.
 */
export function amountCells(line: string): AmountCell[] {
  return cellsOf(line).amounts;
}

/** The amounts of a line and how many classification codes it prints in code cells. */
function cellsOf(line: string): { amounts: AmountCell[]; codes: number } {
  const tokens = cellTexts(line);
  const firstLabel = tokens.findIndex((t) => CJK.test(t));
  const codes: boolean[] = new Array(tokens.length);
  let codeCells = 0;
  for (let k = 0; k < tokens.length; k++) if ((codes[k] = classificationCodeAt(tokens, k) || unitCodeAt(tokens, k))) codeCells++;
  const anyCode = codeCells > 0;
  const out: AmountCell[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!AMOUNT.test(t) || UNIT_NEXT.test(tokens[k + 1] ?? "")) continue;
    const integer = !/[.,]/.test(t);
    if (integer && firstLabel > k) continue; // a code before the label
    if (integer && /^[-−]?\d{1,2}$/.test(t) && !/^[-−]?0$/.test(t)) continue; // a row number
    if (codes[k]) continue;
    // a code of the code book on a line whose other codes stand in code cells: closing the line (`… 133.00 39908`, its
    // name wrapped) or before an amount (`301    2,082.85 302    171.07`, names on the next line)
    const last = k === tokens.length - 1;
    if ((last || /\./.test(tokens[k + 1] ?? "")) && k > 0 && CODE_SHAPE.test(t) && isListedCode(t) && anyCode) {
      codeCells++;
      continue;
    }
    out.push({ text: t, value: amountValue(t) });
  }
  return out.length < 3 && SENTENCE.test(line) ? { amounts: [], codes: 0 } : { amounts: out, codes: codeCells };
}

/** The value of an AMOUNT token (rewritten only where it prints a comma or a minus sign −). */
function amountValue(t: string): number {
  const plain = t.includes(",") ? t.replace(/,/g, "") : t;
  return Number(plain.charCodeAt(0) === 0x2212 ? `-${plain.slice(1)}` : plain);
}

/** 类 (3 digits), 款 (5) or 项 (7) of the functional or economic classification. */
const CODE_SHAPE = /^[1-9]\d{2}(?:\d{2}){0,2}$/;

function listedName(code: string): string | null {
  return chineseName("functional", code) ?? chineseName("economic", code);
}
const isListedCode = (code: string) => listedName(code) !== null;

/** A name as printed, without numbering, brackets and spaces, for comparing with the code book. */
const bareName = (s: string) => s.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, "").replace(/[^\u4e00-\u9fff]/g, "");

/**
 * Whether tokens[k] is a classification code printed in a code column, not
 * an amount: an integer of code shape that the national code book lists,
 * followed by its own name (`30201 办公费`, `50101 工资奖金津补贴`: the
 * name's first two characters those of the listed name), by the next part
 * of a code split over 类/款/项 columns (`208 05 05`, `302 13 502 09`), or
 * opening a line of amounts whose name wrapped around it
 * (`2080505    175.83 175.83`).
 */
function classificationCodeAt(tokens: string[], k: number): boolean {
  const t = tokens[k];
  if (!CODE_SHAPE.test(t)) return false;
  const name = listedName(t);
  if (name === null) return false;
  const next = tokens[k + 1] ?? "";
  if (/^\d{2}$/.test(next)) return true;
  if (CJK.test(next)) {
    const printed = bareName(next);
    const listed = bareName(name);
    return printed.length >= 2 && printed.slice(0, 2) === listed.slice(0, 2);
  }
  return k === 0 && tokens.length > 1 && !tokens.some((x) => CJK.test(x)) && /\./.test(next);
}

/** A budget unit's 6-digit code opening a line of amounts whose name wrapped around it (`328002    1,136.23 …`). */
const unitCodeAt = (tokens: string[], k: number) => k === 0 && /^\d{6}$/.test(tokens[0]) && /\./.test(tokens[1] ?? "") && !tokens.some((x) => CJK.test(x));

const UNIT_NEXT = /^(?:万元|亿元|元|%|％|个|人|辆|次|家|项|年)/;
const SENTENCE = /[，。；]/;

/**
 * Whether two white-space separated tokens of the line hold a digit: every
 * amount or code cell is (part of) such a token, so a line without two
 * cannot print two cells. Two such tokens are a digit, white space after it
 * and a digit after that: three scans of the regex engine (linear, no
 * allocation, several times faster than a loop over the characters; most
 * lines are prose and end at the first or second scan).
 */
function twoNumberTokens(line: string): boolean {
  DIGIT_AFTER.lastIndex = 0;
  if (!DIGIT_AFTER.test(line)) return false;
  SPACE_AFTER.lastIndex = DIGIT_AFTER.lastIndex;
  if (!SPACE_AFTER.test(line)) return false;
  DIGIT_AFTER.lastIndex = SPACE_AFTER.lastIndex;
  return DIGIT_AFTER.test(line);
}
/** Scanners from a lastIndex (global: `test` starts at lastIndex and leaves it past the match). */
const DIGIT_AFTER = /\d/g;
const SPACE_AFTER = /\s/g;

export interface TableLikeBlock {
  /** 1-based first and last line (inclusive): the first and last line with amounts. */
  start_line: number;
  end_line: number;
  /** Lines of the block holding at least two amounts. */
  amount_lines: number;
}

/** Lines without two amounts a block may span (a wrapped label, a page break with its repeated header). */
const MAX_GAP = 4;

/**
 * The table-like blocks of a document: at least two lines with two or more
 * cells (amounts, or classification codes beside amounts: a row of a
 * side-by-side economic table prints `30204 手续费 0.66 31001 房屋建筑物购建`),
 * gaps of at most MAX_GAP lines.
 */
export function tableLikeBlocks(lines: string[]): TableLikeBlock[] {
  return readTableLike(lines).blocks;
}

/**
 * The table-like blocks and, for every line read for cells on the way (those
 * with two digit-bearing tokens), its amount cells by 1-based line: what
 * amountCells gives for that line, kept so that no later stage reads the
 * line again (coverage.ts).
 */
export function readTableLike(lines: string[]): { blocks: TableLikeBlock[]; cells: Map<number, AmountCell[]> } {
  const blocks: TableLikeBlock[] = [];
  const read = new Map<number, AmountCell[]>();
  let open: TableLikeBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (!twoNumberTokens(lines[i])) continue; // fewer than two cells: not a row (most lines are prose)
    const cells = cellsOf(lines[i]);
    read.set(line, cells.amounts);
    if (cells.amounts.length === 0 || cells.amounts.length + cells.codes < 2) continue;
    if (open && line - open.end_line <= MAX_GAP + 1) {
      open.end_line = line;
      open.amount_lines++;
      continue;
    }
    if (open && open.amount_lines >= 2) blocks.push(open);
    open = { start_line: line, end_line: line, amount_lines: 1 };
  }
  if (open && open.amount_lines >= 2) blocks.push(open);
  return { blocks, cells: read };
}
