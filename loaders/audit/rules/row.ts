/**
 * row: identities between the columns of one row —
 *   合计 = 基本支出 + 项目支出 (+ 上缴上级 + 经营支出 + 对附属单位补助);
 *   合计 = Σ income sources (财政拨款, 上级补助, 事业收入 … / 上年结转 + 当年拨款);
 *   财政拨款 (合计) = 一般公共预算 + 政府性基金 + 国有资本经营 (across column groups);
 *   年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (政府性基金 / 国有资本 tables).
 * Checked within each column group (items sharing `side`), then across the row.
 */
import { withinRounding } from "../../base/money.ts";
import type { LineItem } from "../../schema/types.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { groupsOf, measuresOf, sideOf, wan, type AuditRow } from "../rows.ts";

const KINDS = ["basic", "project", "remit_to_superior", "operating_expenditure", "subsidy_to_subordinate"];
const FUNDS = ["general_public_budget", "government_fund", "state_capital"];
/** The parts of 财政专户拨款收入 (教育收费 | 其他专户收入拨款). */
const SPECIAL_ACCOUNT = ["special_account_education", "special_account_other"];
const SOURCES = [
  "carryover_prior",
  "current_year_appropriation",
  "fiscal_appropriation",
  ...FUNDS,
  "superior_subsidy",
  "business_income",
  "operating_income",
  "subordinate_remittance",
  "other_income",
  "fiscal_special_account",
  "unit_funds",
  ...SPECIAL_ACCOUNT,
];
/** Columns that sum others, the most general first (a “三公” table by fund: its 合计 is three_public_total). */
const SUBTOTALS = ["total", "three_public_total", "expenditure", "fiscal_appropriation", ...FUNDS];

interface Identity {
  sum: LineItem;
  parts: LineItem[];
  signs?: number[];
  zh: string;
  en: string;
}

/** The kinds after 基本支出 and 项目支出 (上缴上级, 经营支出, 对附属单位补助): added to them in the standard 支出总表. */
const EXTRA_KINDS = KINDS.slice(2);

/**
 * The extra kinds a table prints as parts of its 基本 and 项目支出 (其中 columns:
 * 深圳's 支出总表 prints 事业单位经营支出 beside them, 合计 = 基本 + 项目 on every
 * row), read from all its rows where an extra kind is not zero: some hold
 * 合计 = 基本 + 项目, none holds 合计 = 基本 + 项目 + the extras (a row that holds
 * neither, a misprint, tells nothing and is flagged either way).
 */
function ofWhichKinds(rows: AuditRow[]): Set<string> {
  let ofWhich = 0;
  for (const r of rows)
    for (const g of groupsOf(r)) {
      const m = g.measures;
      const total = m.get("total");
      const basic = m.get("basic");
      const project = m.get("project");
      const extras = EXTRA_KINDS.map((k) => m.get(k)).filter((i): i is LineItem => !!i && wan(i) !== 0);
      if (!total || !basic || !project || extras.length === 0) continue;
      const twoKinds = wan(basic) + wan(project);
      const all = twoKinds + extras.reduce((s, i) => s + wan(i), 0);
      if (withinRounding(all, wan(total), 2)) return NO_KINDS;
      if (withinRounding(twoKinds, wan(total), 2)) ofWhich++;
    }
  return ofWhich > 0 ? new Set(EXTRA_KINDS) : NO_KINDS;
}

const NO_KINDS = new Set<string>();

function identitiesOf(m: Map<string, LineItem>, ofWhich: Set<string> = NO_KINDS): Identity[] {
  const out: Identity[] = [];
  if (m.size < 2) return out; // one measure: nothing to relate
  const sumOf = SUBTOTALS.map((k) => m.get(k)).find(Boolean);
  if (sumOf) {
    // 基本支出 printed as 人员经费 + 公用经费 without its own column
    const kindKeys = (m.has("basic") ? KINDS : ["personnel", "public_expenses", ...KINDS]).filter((k) => !ofWhich.has(k));
    const kinds = kindKeys.map((k) => m.get(k)).filter((i): i is LineItem => !!i);
    if (m.has("basic") || m.has("project"))
      out.push(
        ofWhich.size > 0
          ? { sum: sumOf, parts: kinds, zh: "合计 = 基本支出 + 项目支出（本表的上缴上级、经营支出、对附属单位补助列为其中数）", en: "total = basic + project (this table's other kinds are of-which columns)" }
          : { sum: sumOf, parts: kinds, zh: "合计 = 基本支出 + 项目支出", en: "total = basic + project" },
      );
    let sources = SOURCES.filter((k) => k !== sumOf.measure && m.has(k));
    if (sources.includes("fiscal_appropriation")) sources = sources.filter((k) => !FUNDS.includes(k));
    if (sources.includes("fiscal_special_account")) sources = sources.filter((k) => !SPECIAL_ACCOUNT.includes(k));
    if (sources.length > 0 && !KINDS.some((k) => m.has(k)))
      out.push({
        sum: sumOf,
        parts: sources.map((k) => m.get(k)!),
        zh: sources.every((k) => FUNDS.includes(k)) ? "财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营" : "合计 = Σ 各项收入来源",
        en: sources.every((k) => FUNDS.includes(k)) ? "fiscal appropriation = general public + fund + state capital" : "total = sum of income sources",
      });
  }
  const prior = m.get("carryover_prior");
  const next = m.get("carryover_next");
  const inc = m.get("income");
  const exp = m.get("expenditure");
  if (next && inc && exp)
    out.push({
      sum: next,
      parts: [prior, inc, exp].filter((i): i is LineItem => !!i),
      signs: [prior ? 1 : null, 1, -1].filter((s): s is number => s !== null),
      zh: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
      en: "closing balance = opening balance + income − expenditure",
    });
  return out;
}

/** The items that are income sources (SOURCES), in printed order. */
function sourcesAmong(items: LineItem[]): LineItem[] {
  return items.filter((i) => SOURCES.includes(i.measure));
}

/**
 * A row of income sources under a grouped header (项目支出表: 合计 | 本年财政拨款
 * by fund | 财政拨款结转 by fund | 单位资金), no column of the total's group
 * standing for another group (as 上年结转结余/小计 does): 合计 = the total's
 * group's sources + each other group's 合计, or its sources when it prints none.
 */
function groupedTotal(row: AuditRow): Identity | null {
  const root = row.items.filter((i) => !i.side);
  const sides = [...new Set(row.items.map((i) => i.side).filter((s): s is string => !!s))];
  if (sides.length === 0 || row.items.some((i) => sideOf(i) || KINDS.includes(i.measure))) return null;
  const total = root.find((i) => i.measure === "total");
  if (!total || root.some((i) => sides.some((s) => i.column_label.startsWith(`${s}/`)))) return null;
  const parts = sourcesAmong(root);
  for (const s of sides) {
    const items = row.items.filter((i) => i.side === s);
    const sum = items.find((i) => i.measure === "total");
    parts.push(...(sum ? [sum] : sourcesAmong(items)));
  }
  return parts.length
    ? { sum: total, parts, zh: "合计 = Σ 各组（其合计或各项来源）", en: "total = sum of the column groups (their total, or their sources)" }
    : null;
}

/** The identities of a row, each once (an identity two groups both hold is checked once). */
class Identities {
  readonly list: Identity[] = [];
  private readonly seen = new Set<string>();

  add(ids: Identity[]): void {
    for (const id of ids) {
      const sig = [id.sum, ...id.parts].map((i) => `${i.measure}@${i.side ?? ""}`).join("|");
      if (this.seen.has(sig)) continue;
      this.seen.add(sig);
      this.list.push(id);
    }
  }
}

const NONE: Identity[] = [];

function rowIdentities(row: AuditRow, ofWhich: Set<string>): Identity[] {
  if (row.items.length < 2) return NONE; // an identity relates two columns at least
  const out = new Identities();
  const grouped = groupedTotal(row);
  if (grouped) {
    out.add([grouped]);
    // each group printing its own 合计: its identities (a group of funds alone has none)
    for (const g of groupsOf(row)) if (g.items.some((i) => i.side) && g.items.some((i) => i.measure === "total")) out.add(identitiesOf(g.measures, ofWhich));
    return out.list;
  }
  for (const g of groupsOf(row)) out.add(identitiesOf(g.measures, ofWhich));
  // across groups: the row total against the fund subtotals printed in other groups
  const whole = measuresOf(row);
  const total = whole.get("total") ?? whole.get("fiscal_appropriation");
  const funds = FUNDS.map((k) => whole.get(k)).filter((i): i is LineItem => !!i && i.side !== total?.side);
  if (total && funds.length > 0)
    out.add([{ sum: total, parts: funds, zh: "合计 = 一般公共预算 + 政府性基金 + 国有资本经营", en: "total = general public + fund + state capital" }]);
  return out.list;
}

export function row(ctx: AuditContext, run: RuleRun): void {
  const ofWhich = new Map(ctx.tables.map((t) => [t.table_id, ofWhichKinds(t.rows)]));
  for (const r of ctx.rows) {
    for (const id of rowIdentities(r, ofWhich.get(r.table_id) ?? NO_KINDS)) {
      const signs = id.signs ?? id.parts.map(() => 1);
      const sum = id.parts.reduce((s, p, i) => s + signs[i] * wan(p), 0);
      run.amounts(
        () => ({
          zh: `${r.table_id} ${r.code ? `${r.code} ${r.label.trim()}` : r.label.trim()}：${id.zh}`,
          en: `${r.table_id} ${r.code ?? r.key}: ${id.en}`,
          subject: r.code ?? r.label.trim(),
          source_lines: [id.sum, ...id.parts].map((i) => i.source_line),
          table_ids: [r.table_id],
        }),
        sum,
        wan(id.sum),
        id.parts.length,
        "table",
      );
    }
  }
}
