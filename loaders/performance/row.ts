/**
 * One indicator row's value cells → fields, walking the table's column
 * schema (headings.ts) in printed order. Shared by the plain-text and the
 * TSV readers. `unit` is optional (taken only when the cell is not a number);
 * weight and score only take numbers.
 */
import type { ColumnKey } from "./headings.ts";
import { amountCell } from "./project.ts";
import { decideMet, isUnitCell, LEADING_OPERATOR, normaliseValueText, OPERATOR_CHARS, parseValue } from "./values.ts";
import type { PerformanceIndicator } from "./types.ts";

export interface RowValues {
  nature: string | null;
  target: string | null;
  unit: string | null;
  actual: string | null;
  weight: number | null;
  score: number | null;
  reason: string | null;
  polarity: string | null;
}

/** An indicator row as a reader found it, before it becomes a performance_indicators row. */
export interface RawIndicator {
  level1: string | null;
  level2: string | null;
  name: string;
  values: RowValues;
  source_line: number;
  source_lines: number[];
  rule: string | null;
}

export interface RowsResult {
  indicators: RawIndicator[];
  /** 1-based line → residue reason, for lines that gave nothing. */
  notes: Map<number, string>;
  /** Lines consumed by indicators. */
  used: Set<number>;
  /** Line after the last indicator line (合计 / 总分), or null. */
  sum_line: number | null;
  schema: ColumnKey[];
}

/** A line's cells: split at white space (the extraction's gaps), none for a blank line. */
export function splitTokens(line: string): string[] {
  const t = line.trim();
  return t === "" ? [] : t.split(/[ \u3000]+/);
}

/**
 * A number's unit printed as a cell of its own (`≤1.4 元 1.4 元 20 20`) joined
 * to it (tables without a 度量单位 column): a unit values.ts knows (a
 * reason such as `无` after the scores is no unit).
 */
export function joinUnits(tokens: string[]): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isUnitCell(tok) && parseValue(prev).value !== null && parseValue(prev).unit === null) out[out.length - 1] = prev + tok;
    else out.push(tok);
  }
  return out;
}

export function emptyValues(): RowValues {
  return { nature: null, target: null, unit: null, actual: null, weight: null, score: null, reason: null, polarity: null };
}

const NATURE_WORD = /^(定性|定量)$/;
const PERCENT_END = /[%％]$/;

/** Whether a token opens the value part of a row (an operator, 定性 / 定量). */
export function isNatureToken(tok: string): boolean {
  return (OPERATOR_CHARS.test(tok) && LEADING_OPERATOR.test(normaliseValueText(tok))) || (tok.includes("定") && NATURE_WORD.test(tok.trim()));
}

/**
 * Whether any token of a line can be a nature token (isNatureToken): only a
 * line holding an operator character or 定 can, since the white space the
 * line is split at is neither. Lets a reader skip splitting most lines.
 */
export function mayHoldNatureToken(line: string): boolean {
  return OPERATOR_CHARS.test(line) || line.includes("定");
}

/** A number cell without a % (a weight or a score): its value, else null. */
function plainNumber(tok: string): number | null {
  const v = amountCell(tok);
  return v !== null && !PERCENT_END.test(tok.trim()) ? v : null;
}

/** Fill `into` from `tokens` for the given keys; returns tokens left over. */
export function walk(tokens: string[], keys: ColumnKey[], into: RowValues): string[] {
  const t = [...tokens];
  for (let k = 0; k < keys.length && t.length > 0; k++) {
    const key = keys[k];
    const tok = t[0];
    switch (key) {
      case "nature": {
        const n = normaliseValueText(tok);
        const m = n.match(LEADING_OPERATOR);
        if (NATURE_WORD.test(tok.trim())) {
          into.nature = tok.trim();
          t.shift();
        } else if (m) {
          into.nature = m[1];
          t.shift();
          const rest = n.slice(m[1].length).trim();
          // `≥95%` / `≥3400万`: the target is in the same cell
          if (rest !== "") t.unshift(tok.trim());
        }
        break;
      }
      case "target":
        into.target = t.shift()!;
        break;
      case "unit":
        if (plainNumber(tok) === null && !LEADING_OPERATOR.test(normaliseValueText(tok)) && !tok.includes("向")) into.unit = t.shift()!;
        break;
      case "actual":
        into.actual = t.shift()!;
        break;
      case "weight":
      case "score": {
        const v = plainNumber(tok);
        if (v !== null) {
          into[key] = v;
          t.shift();
        }
        break;
      }
      case "polarity":
        if (tok.includes("向")) into.polarity = t.shift()!.replace(/指标$/, "");
        break;
      case "reason":
        into.reason = t.splice(0).join(" ");
        break;
    }
  }
  return t;
}

/** The value columns of an indicator row. */
export type ValueFields = Pick<
  PerformanceIndicator,
  "operator" | "target_value" | "target_text" | "unit" | "actual_value" | "actual_text" | "met" | "met_rule"
>;

/** Printed cells → operator, numbers, unit and the met decision. */
export function valueFields(v: RowValues): ValueFields {
  const tgt = v.target === null ? null : parseValue(v.target);
  const act = v.actual === null ? null : parseValue(v.actual);
  let operator: string | null = v.nature;
  if (operator === "定量") operator = null;
  if (operator === null && tgt) operator = tgt.operator;
  const unit = v.unit ?? tgt?.unit ?? null;
  const target_text = v.target;
  const target_value = operator === "定性" ? null : (tgt?.value ?? null);
  const actual_value = act?.value ?? null;
  const { met, rule } = decideMet(operator, target_value, v.target, actual_value, v.actual, unit, act?.unit ?? null);
  return {
    operator,
    target_value,
    target_text,
    unit,
    actual_value,
    actual_text: v.actual,
    met,
    met_rule: rule,
  };
}
