/**
 * Seeded mutations of real documents, shared by the fuzz test
 * (tests/loaders/fuzz.test.ts) and the fuzz benchmarks (bench/fuzz.ts):
 * flipped bytes, truncation, garbled numbers, special characters, long
 * lines, repeated headers and title blocks, concatenations, stray BOMs, late
 * NULs and GBK / UTF-16 re-encodings. The same seed gives the same cases.
 */
import { readFileSync } from "node:fs";
import { MAX_WAN } from "../../loaders/base/money.ts";
import { type DocumentExtraction, listInputs } from "../../loaders/extract.ts";
import { DOCS } from "./helpers.ts";

export interface Sample {
  name: string;
  bytes: Uint8Array;
  text: string;
}

export interface Case {
  /** `<sample>#<index>`: stable for a seed. */
  id: string;
  sample: string;
  /** What was done, e.g. `digits(150000) after line 77`. */
  mutation: string;
  bytes: Uint8Array;
}

export function loadSamples(): Sample[] {
  return listInputs([DOCS]).map((path) => {
    const bytes = new Uint8Array(readFileSync(path));
    return { name: path.split("/").pop()!, bytes, text: new TextDecoder().decode(bytes) };
  });
}

/** mulberry32: a small seeded generator (deterministic across runs and machines). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

let gbTable: Map<string, number[]> | null = null;

/** GB18030-encode text (Node has no encoder: the table is built by decoding every 2-byte GBK sequence once). */
export function gbEncode(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder("gb18030");
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** UTF-16 with its byte-order mark. */
export function utf16Encode(text: string, endian: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = endian === "le" ? 0xff : 0xfe;
  out[1] = endian === "le" ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = endian === "le" ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + 2 * i] = a;
    out[3 + 2 * i] = b;
  }
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Lines of a sample with `inserted` placed after the first line matching `after` (or line `after`, 1-based). */
export function insertLines(text: string, after: RegExp | number, inserted: string[]): { text: string; line: number } {
  const lines = text.split("\n");
  const at = typeof after === "number" ? after : lines.findIndex((l) => after.test(l)) + 1;
  if (at <= 0) throw new Error(`no line matches ${after}`);
  lines.splice(at, 0, ...inserted);
  return { text: lines.join("\n"), line: at };
}

/**
 * The four inputs the issue found quadratic, at size n (see issue 10):
 * a run of n digits after a table title; a prose line followed by
 * `1,234.56 ` repeated n times; one prose line (no sentence end) repeated on n lines;
 * a table title block repeated n times.
 */
export const REPRODUCERS = {
  digits: { sample: "004_", sizes: [20_000, 40_000, 150_000], unit: "digits" },
  proseNumbers: { sample: "000_", sizes: [20_000, 40_000], unit: "repeats of `1,234.56 `" },
  proseLines: { sample: "000_", sizes: [2_000, 4_000, 10_000], unit: "repeated prose lines" },
  titleBlocks: { sample: "004_", sizes: [1_000, 5_000, 10_000], unit: "repeated title blocks" },
} as const;

export type ReproducerName = keyof typeof REPRODUCERS;

export function reproducer(samples: Sample[], name: ReproducerName, n: number): Case {
  const spec = REPRODUCERS[name];
  const sample = samples.find((s) => s.name.startsWith(spec.sample));
  if (!sample) throw new Error(`sample ${spec.sample} missing`);
  let mutated: { text: string; line: number };
  switch (name) {
    case "digits":
      mutated = insertLines(sample.text, /^收入支出决算总表$/, ["9".repeat(n)]);
      break;
    case "proseNumbers": {
      // appended to a prose sentence (a line of bare numbers would be a table row)
      const line = sample.text.split("\n").find((l) => /本年收入合计.*万元，其中/.test(l))!;
      mutated = insertLines(sample.text, /本年收入合计.*万元，其中/, [line + "1,234.56 ".repeat(n)]);
      break;
    }
    case "proseLines": {
      const line = sample.text.split("\n").find((l) => /本年收入合计.*万元，其中/.test(l))!;
      mutated = insertLines(sample.text, /本年收入合计.*万元，其中/, Array(n).fill(line));
      break;
    }
    case "titleBlocks": {
      const block = [" 金额单位：万元2022年度部门（单位）：贵州省医疗保障局（本级）", "", "财政拨款“三公”经费支出决算表", "", "公开09表", ""];
      mutated = insertLines(sample.text, /^财政拨款“三公”经费支出决算表$/, Array.from({ length: n }, () => block).flat());
      break;
    }
  }
  return { id: `${name}(${n})`, sample: sample.name, mutation: `${name}(${n}) after line ${mutated.line}`, bytes: utf8(mutated.text) };
}

/** Garbled numbers the issue found reaching the outputs. */
const GARBLED = ["-1e308", "1e308", "99999999999999999999", "12345678901234567890.12", "NaN", "Infinity", "-0", "0x1F", "1,2,3", "１２３.４５", "1.2.3", "（5.00）", "—", "-"];
/** Characters that have broken parsers elsewhere. */
const SPECIAL = ["\u0000", "\ufeff", "\u200b", "\u3000", "\ufffd", "\t", "\r", "\u2028", "😀", "<script>", "|", "\\", "$", "％", "（", "）", "。", "、"];

type TextMutation = (lines: string[], r: () => number) => string;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const lineIndex = (lines: string[], r: () => number) => Math.floor(r() * lines.length);

/** A number-bearing line's figures replaced by a garbled one. */
const garbleNumbers: TextMutation = (lines, r) => {
  const withNumbers = lines.map((l, i) => (/\d+\.\d{2}/.test(l) ? i : -1)).filter((i) => i >= 0);
  const count = 1 + Math.floor(r() * 5);
  const done: string[] = [];
  for (let k = 0; k < count && withNumbers.length > 0; k++) {
    const i = pick(r, withNumbers);
    const g = pick(r, GARBLED);
    lines[i] = lines[i].replace(/\d[\d,]*\.\d{2}/, g);
    done.push(`${i + 1}:${JSON.stringify(g)}`);
  }
  return `garbled numbers ${done.join(" ")}`;
};

const specialChars: TextMutation = (lines, r) => {
  const count = 1 + Math.floor(r() * 8);
  const done: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = lineIndex(lines, r);
    const at = Math.floor(r() * (lines[i].length + 1));
    const c = pick(r, SPECIAL);
    lines[i] = lines[i].slice(0, at) + c + lines[i].slice(at);
    done.push(`${i + 1}:${JSON.stringify(c)}`);
  }
  return `special characters ${done.join(" ")}`;
};

const longLine: TextMutation = (lines, r) => {
  const i = lineIndex(lines, r);
  const n = pick(r, [2_000, 10_000, 50_000]);
  const unit = pick(r, ["9", "1,234.56 ", "收入", lines[i] || "x", "万元，"]);
  lines.splice(i + 1, 0, unit.repeat(Math.ceil(n / unit.length)));
  return `long line (${n} chars of ${JSON.stringify(unit.slice(0, 12))}) after line ${i + 1}`;
};

const repeatLines: TextMutation = (lines, r) => {
  const i = lineIndex(lines, r);
  const span = 1 + Math.floor(r() * 6);
  const times = pick(r, [5, 50, 300]);
  const block = lines.slice(i, i + span);
  lines.splice(i + span, 0, ...Array.from({ length: times }, () => block).flat());
  return `lines ${i + 1}-${i + span} repeated ${times}×`;
};

const repeatHeaders: TextMutation = (lines, r) => {
  const heads = lines.map((l, i) => (/表$|单位[:：]|^\s*(公开|财决公开)?\d+表/.test(l.trim()) ? i : -1)).filter((i) => i >= 0);
  if (heads.length === 0) return repeatLines(lines, r);
  const i = pick(r, heads);
  const times = pick(r, [3, 30, 200]);
  lines.splice(i + 1, 0, ...Array(times).fill(lines[i]));
  return `header line ${i + 1} repeated ${times}×`;
};

const deleteLines: TextMutation = (lines, r) => {
  const i = lineIndex(lines, r);
  const span = 1 + Math.floor(r() * 40);
  lines.splice(i, span);
  return `lines ${i + 1}-${i + span} deleted`;
};

const TEXT_MUTATIONS: TextMutation[] = [garbleNumbers, specialChars, longLine, repeatLines, repeatHeaders, deleteLines];

/** One seeded case over one of the samples. */
export function mutate(samples: Sample[], r: () => number, index: number): Case {
  const sample = pick(r, samples);
  const id = `${sample.name.slice(0, 3)}#${index}`;
  const kind = Math.floor(r() * 10);
  const text = () => sample.text.split("\n");
  const make = (mutation: string, bytes: Uint8Array): Case => ({ id, sample: sample.name, mutation, bytes });
  switch (kind) {
    case 0: {
      // flipped bytes
      const bytes = sample.bytes.slice();
      const count = 1 + Math.floor(r() * 4);
      const at: number[] = [];
      for (let k = 0; k < count; k++) {
        const i = Math.floor(r() * bytes.length);
        bytes[i] ^= 1 << Math.floor(r() * 8);
        at.push(i);
      }
      return make(`flipped bits at bytes ${at.join(",")}`, bytes);
    }
    case 1: {
      const cut = Math.floor(r() * sample.bytes.length);
      return make(`truncated at byte ${cut}`, sample.bytes.slice(0, cut));
    }
    case 2: {
      const other = pick(r, samples);
      return make(`concatenated with ${other.name}`, concat(sample.bytes, utf8("\n"), other.bytes));
    }
    case 3: {
      const enc = pick(r, ["gbk", "utf-16le", "utf-16be", "bom-ff-fe", "bom-fe-ff", "utf-8-bom"] as const);
      const crlf = r() < 0.5;
      const t = crlf ? sample.text.replace(/\n/g, "\r\n") : sample.text;
      const bytes =
        enc === "gbk" ? gbEncode(t)
        : enc === "utf-16le" ? utf16Encode(t, "le")
        : enc === "utf-16be" ? utf16Encode(t, "be")
        : enc === "bom-ff-fe" ? concat(new Uint8Array([0xff, 0xfe]), utf8(t))
        : enc === "bom-fe-ff" ? concat(new Uint8Array([0xfe, 0xff]), utf8(t))
        : concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(t));
      return make(`re-encoded ${enc}${crlf ? " crlf" : ""}`, bytes);
    }
    case 4: {
      const bytes = sample.bytes.slice();
      const i = Math.floor(r() * bytes.length);
      bytes[i] = 0;
      return make(`NUL at byte ${i}`, bytes);
    }
    default: {
      const lines = text();
      const m = TEXT_MUTATIONS[(kind - 5 + Math.floor(r() * TEXT_MUTATIONS.length)) % TEXT_MUTATIONS.length];
      const what = m(lines, r);
      return make(what, utf8(lines.join("\n")));
    }
  }
}

/** `count` cases from `seed`. */
export function* cases(samples: Sample[], count: number, seed: number): Generator<Case> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) yield mutate(samples, r, i);
}

/** Largest magnitude any numeric output column may hold: 15 integer digits (see ingest/numbers.ts). */
const MAX_VALUE = 1e15;

/**
 * What is wrong with one document's outputs, as `table.column = value`
 * lines: a number that is not finite or beyond any amount (万元 columns
 * beyond MAX_WAN), or an error row whose message does not name the file.
 */
export function outputProblems(d: DocumentExtraction): string[] {
  const out: string[] = [];
  const tables: Record<string, object[]> = { documents: [d.document], tables: d.tables, line_items: d.line_items, narrative_facts: d.narrative_facts, performance_projects: d.performance_projects, performance_indicators: d.performance_indicators, checks: d.checks, residue: d.residue, pages: d.pages };
  for (const [table, rows] of Object.entries(tables))
    for (const row of rows)
      for (const [column, v] of Object.entries(row)) {
        if (typeof v !== "number") continue;
        const limit = column.endsWith("_wan") ? MAX_WAN : MAX_VALUE;
        if (!Number.isFinite(v) || Math.abs(v) > limit) out.push(`${table}.${column} = ${v}`);
      }
  if (d.document.status === "error" && !d.document.message.startsWith(`${d.document.source_file}`)) out.push(`error row without the file name: ${d.document.message}`);
  return out;
}
