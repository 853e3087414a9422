/**
 * Functional codes for 类 / 款 / 项 named in prose. The code book is the
 * document's own tables (`2101501 行政运行`, `210	15	01	行政运行`) plus a
 * the code book's common names (schema/classification-names.ts) (a document without tables, 000,
 * still names them). Resolution walks the hierarchy: 类 by name, 款 by name
 * under the 类, 项 by name under the 款 — or, where the printed 款 is wrong,
 * by a name unique under the 类.
 */
import { commonFunctionalNames } from "../schema/classification-names.ts";
import { fullWidthBrackets, removeLevelMarks, removeSpacesAndStars } from "../base/fold.ts";

const COMMON_FUNCTIONAL = commonFunctionalNames();

/** code → every name printed for it (a project table may print a project name beside a code). */
export type CodeBook = Map<string, Set<string>>;

function add(book: CodeBook, code: string, name: string): void {
  const names = book.get(code) ?? new Set<string>();
  names.add(name);
  book.set(code, names);
}

/** Names compared without spaces, bracket width or a 支出 suffix. */
export function normName(s: string): string {
  return removeLevelMarks(fullWidthBrackets(removeSpacesAndStars(s))).replace(/支出$/, "");
}

const SPLIT = /(?:^|\t|\s)(2\d\d)[\t ]+(\d{1,2})[\t ]+(\d{1,2})[\t ]+(?:\d{6}[\t ]+)?([\u4e00-\u9fff][^\t\d]*)/;
const SINGLE = /(?:^|\t|\s)(2\d\d(?:\d\d){0,2})[\t ]*([\u4e00-\u9fff][\u4e00-\u9fff（）()、“”]*)/;

/** Code → name pairs printed in the given lines (table lines). */
export function codeBookFrom(lines: string[]): CodeBook {
  const book: CodeBook = new Map();
  for (const [code, name] of COMMON_FUNCTIONAL) add(book, code, name);
  for (const raw of lines) {
    const s = raw.match(SPLIT);
    if (s) {
      const code = s[1] + s[2].padStart(2, "0") + s[3].padStart(2, "0");
      add(book, code, s[4].trim());
      continue;
    }
    const m = raw.match(SINGLE);
    if (m && m[2].length >= 2) add(book, m[1], m[2].trim());
  }
  return book;
}

/** Per code book: normalised name → the codes printed with it (built once, on first use). */
const byNameIndex = new WeakMap<CodeBook, Map<string, string[]>>();

function nameIndex(book: CodeBook): Map<string, string[]> {
  let index = byNameIndex.get(book);
  if (index) return index;
  index = new Map();
  for (const [code, names] of book) {
    const seen = new Set<string>();
    for (const n of names) {
      const key = normName(n);
      if (seen.has(key)) continue;
      seen.add(key);
      const codes = index.get(key);
      if (codes) codes.push(code);
      else index.set(key, [code]);
    }
  }
  byNameIndex.set(book, index);
  return index;
}

function byName(book: CodeBook, name: string, len: number, prefix: string): string[] {
  const codes = nameIndex(book).get(normName(name)) ?? [];
  return codes.filter((code) => code.length === len && code.startsWith(prefix)).sort();
}

const LEVEL_RE = /^(.+?)[（(]类[)）](?:支出)?(.*)$/;

/** The functional code a subject names, or null. */
export function resolveCode(book: CodeBook, subject: string): string | null {
  const s = removeSpacesAndStars(subject);
  const printed = s.match(/(?:^|[）)])(2\d{2}(?:\d{2}){0,2})(?!\d)/);
  if (printed) return printed[1];
  const lv = s.match(LEVEL_RE);
  const leiName = lv ? lv[1] : s;
  const lei = byName(book, leiName, 3, "");
  if (lei.length !== 1) return null;
  if (!lv) return lei[0];
  const rest = lv[2];
  const kx = rest.match(/^(.+?)[（(]款[)）](.*?)(?:[（(]项[)）])?$/);
  if (!kx) return rest === "" ? lei[0] : null;
  const kuan = byName(book, kx[1], 5, lei[0]);
  const xiangName = kx[2];
  if (xiangName === "") return kuan.length === 1 ? kuan[0] : null;
  if (kuan.length === 1) {
    const xiang = byName(book, xiangName, 7, kuan[0]);
    if (xiang.length === 1) return xiang[0];
  }
  const anywhere = byName(book, xiangName, 7, lei[0]);
  return anywhere.length === 1 ? anywhere[0] : null;
}
