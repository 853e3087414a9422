/**
 * Figures stated in the prose (说明 sections) → `narrative_facts` rows.
 *
 * Lines outside the standard tables and 绩效 tables are joined into
 * sentences; each number with its unit is named by the words before it
 * (subject), classified (measure), dated (year / compared_year) and traced
 * to the line it is printed on. Subjects left implicit (减少5,986.43万元;
 * 占14.84%) take the sentence's current subject. Changes imply the
 * earlier-year figure, added as derived rows.
 */
import type { ResidueRow, SourceDocument, TableSection } from "../schema/types.ts";
import type { Segmentation } from "../segment/index.ts";
import { classify, directionOf, type Classified } from "./classify.ts";
import { clausesOf, comparedYear, sentenceYear } from "./clauses.ts";
import { codeBookFrom, resolveCode, type CodeBook } from "./codes.ts";
import { deriveEarlier } from "./derive.ts";
import { plausibleWan, TOO_LARGE, toWan } from "../base/money.ts";
import { lineAt, toSentences, type Sentence } from "./sentences.ts";
import { dropBudgetLabel, isCountVerb, isGeneric, nounAfter, peelLabel, subjectOf } from "./subject.ts";
import { findNumbers, type NumberToken } from "./tokens.ts";
import type { NarrativeContext, NarrativeFact } from "./types.ts";
import { removeSpacesAndStars } from "../base/fold.ts";

export type { NarrativeFact } from "./types.ts";

/** Units after which the counted noun follows (设7个内设机构, 购置0辆公务用车). */
const POST_NOUN_UNITS = /^(个|家|辆|项|台（套）|名|户|支)$/;
const NOT_UNDERSTOOD = "prose number not understood";
const LABEL = /[（(](类|款|项)[)）]|[）)]2\d{6}/;
/** Same order as `localeCompare(b, "en", { numeric: true })`, without a collator per call. */
const FACT_ID_ORDER = new Intl.Collator("en", { numeric: true });

interface DocState {
  doc: SourceDocument;
  ctx: NarrativeContext;
  book: CodeBook;
  isFinal: boolean;
  facts: NarrativeFact[];
  residue: ResidueRow[];
  /** line + reason of each residue row (one row per line and reason). */
  residueKeys: Set<string>;
  lineCount: Record<number, number>;
}

function nextIndex(st: DocState, line: number): number {
  const n = st.lineCount[line] ?? 0;
  st.lineCount[line] = n + 1;
  return n;
}

/** The words that name the subject: for a share or a completion rate, those before 占 / 完成. */
function subjectWords(pre: string, cls: Classified): string {
  if (cls.measure === "share_pct") return pre.slice(0, pre.lastIndexOf("占"));
  if (cls.measure === "budget_completion_pct") {
    const m = pre.match(/完成|预算执行率|执行率/);
    return m ? pre.slice(0, m.index) : pre;
  }
  if (cls.measure === "budget_amount" || cls.measure === "adjusted_budget_amount") return dropBudgetLabel(pre);
  return pre;
}

function residueRow(st: DocState, line: number, reason: string): void {
  const key = `${line}\u0000${reason}`;
  if (st.residueKeys.has(key)) return;
  st.residueKeys.add(key);
  st.residue.push({ doc_id: st.doc.doc_id, table_id: null, source_line: line, source_text: st.doc.lines[line - 1], reason });
}

function emit(
  st: DocState,
  s: Sentence,
  tok: NumberToken,
  cls: Classified,
  subject: string,
  year: number | null,
  compared: number | null,
  pre: string,
): NarrativeFact {
  const line = lineAt(s, tok.start);
  const change = cls.measure.startsWith("change_");
  const fact: NarrativeFact = {
    doc_id: st.doc.doc_id,
    fact_id: `${st.doc.doc_id}:${line}:${nextIndex(st, line)}`,
    section: s.section,
    subsection: s.subsection,
    subject,
    code: resolveCode(st.book, subject),
    measure: cls.measure,
    base: cls.base,
    value: tok.value,
    unit: cls.unit,
    amount_wan: cls.kind === "money" ? toWan(tok.value, cls.unit) : null,
    year,
    compared_year: change ? compared : null,
    direction: change ? directionOf(pre) : null,
    derived: false,
    formula: null,
    rule: cls.rule,
    source_line: line,
    source_text: st.doc.lines[line - 1],
    sentence: s.text,
  };
  st.facts.push(fact);
  return fact;
}

/** The subject a sentence is currently about, kept across sentences of one (sub)section. */
interface Carry {
  money: string | null;
  count: string | null;
  key: string;
  /** Sentence number at which money was last named by a figure (-1: by a 类/款/项 label, which holds for the item). */
  moneyAt: number;
  sentence: number;
}

function processSentence(st: DocState, s: Sentence, carry: Carry): void {
  const key = `${s.section}|${s.subsection}`;
  carry.sentence++;
  if (carry.key !== key) {
    carry.key = key;
    carry.money = null;
    carry.count = null;
  }
  const text = s.text;
  const toks = findNumbers(text);
  let prevFact: NarrativeFact | null = null;
  // clauses and tokens are both in text order: one pass over the tokens for all clauses
  let next = 0;
  for (const cl of clausesOf(text)) {
    while (next < toks.length && toks[next].start < cl.start) next++;
    const from = next;
    while (next < toks.length && toks[next].start < cl.end) next++;
    const inClause = toks.slice(from, next);
    const named = inClause.filter((t) => t.kind !== "none");
    if (named.length === 0 && inClause.every((t) => !/\.\d/.test(t.printed))) {
      const words = removeSpacesAndStars(text.slice(cl.start, cl.end));
      if (LABEL.test(words) && words.length <= 90) {
        const sp = subjectOf(words);
        if (sp.subject) {
          carry.money = sp.subject;
          carry.moneyAt = -1;
        }
      }
      if (inClause.length === 0) continue;
    }
    let segStart = cl.start;
    let afterThreshold = false;
    for (const tok of inClause) {
      if (tok.problem) {
        residueRow(st, lineAt(s, tok.start), tok.problem);
        continue;
      }
      const pre = text.slice(afterThreshold ? cl.start : segStart, tok.start);
      const cls = classify(tok, text.slice(segStart, tok.start), st.isFinal, st.ctx.amount_unit);
      segStart = tok.unitEnd;
      if (!cls) {
        if (tok.kind === "money") residueRow(st, lineAt(s, tok.start), NOT_UNDERSTOOD);
        continue;
      }
      const sp = subjectOf(subjectWords(pre, cls));
      let subject = sp.subject;
      if (cls.kind === "count" && POST_NOUN_UNITS.test(cls.unit) && isCountVerb(subject)) subject = nounAfter(text.slice(tok.unitEnd, cl.end + 1)) || subject;
      if (subject.length < 2) subject = "";
      const own = subject !== "" && !isGeneric(subject) && !(cls.kind === "count" && isCountVerb(subject));
      let carried = cls.kind === "count" ? carry.count : carry.money;
      // 年初预算数为X万元 opening a sentence is not about the previous sentence's figure
      const budgetLabel = cls.measure === "budget_amount" || cls.measure === "adjusted_budget_amount";
      if (budgetLabel && carry.moneyAt !== -1 && carry.moneyAt !== carry.sentence) carried = null;
      // 收入 23.32亿元，支出 24.61亿元: 支出 does not take a 收入 subject
      if (carried && ((subject === "支出" && /收入$/.test(carried)) || (subject === "收入" && /支出$/.test(carried)))) carried = null;
      const listed = prevFact !== null && prevFact.unit === cls.unit && tok.start - text.lastIndexOf("、", tok.start) <= 2;
      if (!own && subject === "金额" && prevFact?.measure === "count") subject = `${prevFact.subject}金额`;
      else if (!own && listed)
        subject = prevFact!.subject; // 分别达到37%、68%、75%
      else if (!own) subject = carried ?? subject;
      if (subject === "") subject = peelLabel(pre);
      if (subject === "" || subject.length > 60) {
        residueRow(st, lineAt(s, tok.start), NOT_UNDERSTOOD);
        continue;
      }
      const change = cls.measure.startsWith("change_");
      const upTo = text.slice(0, tok.start);
      let year = sentenceYear(upTo) ?? st.ctx.year;
      let compared: number | null = comparedYear(upTo, year);
      if (sp.year !== null) {
        if (change) compared = sp.compares ? sp.year : compared;
        else year = sp.year;
      }
      if (cls.kind === "money" && plausibleWan(toWan(tok.value, cls.unit)) === null) {
        residueRow(st, lineAt(s, tok.start), TOO_LARGE);
        continue;
      }
      prevFact = emit(st, s, tok, cls, subject, year, compared, text.slice(cl.start, tok.start));
      if (cls.measure === "threshold") afterThreshold = true;
      else if (own && cls.kind === "money" && !change) {
        carry.money = subject;
        carry.moneyAt = carry.sentence;
      } else if (own && cls.kind === "count" && !change) carry.count = subject;
    }
  }
}

/** Lines whose code → name pairs make the document's code book: its tables and tab-separated rows. */
function tableLines(doc: SourceDocument, sections: TableSection[]): string[] {
  const out: string[] = [];
  for (const s of sections) out.push(...doc.lines.slice(s.start_line - 1, s.end_line));
  for (const l of doc.lines) if (l.includes("\t")) out.push(l);
  return out;
}

function isFinalAccount(doc: SourceDocument): boolean {
  return doc.lines.slice(0, 300).some((l) => l.includes("决算"));
}

export function extractNarrative(doc: SourceDocument, seg: Segmentation, ctx: NarrativeContext): { facts: NarrativeFact[]; residue: ResidueRow[] } {
  const st: DocState = {
    doc,
    ctx,
    book: codeBookFrom(tableLines(doc, seg.sections)),
    isFinal: isFinalAccount(doc),
    facts: [],
    residue: [],
    residueKeys: new Set(),
    lineCount: {},
  };
  const carry: Carry = { money: null, count: null, key: "", moneyAt: 0, sentence: 0 };
  for (const s of toSentences(seg.prose)) processSentence(st, s, carry);
  const derived = deriveEarlier(st.facts, (line) => nextIndex(st, line));
  const facts = [...st.facts, ...derived].sort((a, b) => a.source_line - b.source_line || FACT_ID_ORDER.compare(a.fact_id, b.fact_id));
  st.residue.sort((a, b) => a.source_line - b.source_line);
  return { facts, residue: st.residue };
}
