/**
 * Table-like blocks: runs of lines that print several amounts in cells,
 * whatever the title above them says (or whether there is one). They are
 * what a reader of the document sees as tables, so they are the yardstick
 * of the table reader: a block that no standard table or 绩效 block covers
 * was not read, and the document says so (see extract.ts), and the
 * coverage report counts how many of their numbers were placed.
 */

/** An amount printed as a cell: 1,234.56, 1234.56, 0.00, -3.5, 426680000, 0. */
const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CJK = /[\u4e00-\u9fff]/;

export interface AmountCell {
  text: string;
  value: number;
}

/**
 * The amounts printed as cells of a line. Cells are the white-space
 * separated tokens; a number before the line's first label (a code:
 * `245001 西安市医疗保障局 …`, `2010501 行政运行`) is not an amount, nor is a
 * bare integer of one or two digits other than 0 (a 行次 row number:
 * `总计 31 22,066.59`), nor a number followed by its unit (`48054.42 万元`:
 * prose). A line of sentences (，。；) has cells only if it holds three.
 */
export function amountCells(line: string): AmountCell[] {
  const tokens = line.split(/[\s\u3000]+/).filter(Boolean);
  const firstLabel = tokens.findIndex((t) => CJK.test(t));
  const out: AmountCell[] = [];
  tokens.forEach((t, k) => {
    if (!AMOUNT.test(t) || UNIT_NEXT.test(tokens[k + 1] ?? "")) return;
    const integer = !/[.,]/.test(t);
    if (integer && firstLabel > k) return; // a code before the label
    if (integer && /^[-−]?\d{1,2}$/.test(t) && !/^[-−]?0$/.test(t)) return; // a row number
    out.push({ text: t, value: Number(t.replace(/,/g, "").replace("−", "-")) });
  });
  return out.length < 3 && SENTENCE.test(line) ? [] : out;
}

const UNIT_NEXT = /^(?:万元|亿元|元|%|％|个|人|辆|次|家|项|年)/;
const SENTENCE = /[，。；]/;

export interface TableLikeBlock {
  /** 1-based first and last line (inclusive): the first and last line with amounts. */
  start_line: number;
  end_line: number;
  /** Lines of the block holding at least two amounts. */
  amount_lines: number;
}

/** Lines without two amounts a block may span (a wrapped label, a page break with its repeated header). */
const MAX_GAP = 4;

/** The table-like blocks of a document: at least two lines with two or more amounts, gaps of at most MAX_GAP lines. */
export function tableLikeBlocks(lines: string[]): TableLikeBlock[] {
  const blocks: TableLikeBlock[] = [];
  let open: TableLikeBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (amountCells(lines[i]).length < 2) continue;
    if (open && line - open.end_line <= MAX_GAP + 1) {
      open.end_line = line;
      open.amount_lines++;
      continue;
    }
    if (open && open.amount_lines >= 2) blocks.push(open);
    open = { start_line: line, end_line: line, amount_lines: 1 };
  }
  if (open && open.amount_lines >= 2) blocks.push(open);
  return blocks;
}
