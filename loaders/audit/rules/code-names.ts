/**
 * code_names: each classification code is printed with its own name —
 *   a table row's name against the national code book (支出功能分类 /
 *   支出经济分类, schema/classification-names.ts): a 款 or 项 printed under
 *   another code's name is flagged naming that code; a functional name the
 *   book does not give (nor a truncation of it, nor the book's 其他… form) is
 *   flagged as not the national name;
 *   the same code named alike wherever it is printed — in several tables and
 *   in the prose (“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”).
 * Economic codes are only judged on swaps: provinces number their own
 * sub-items and the national names change between years. A name is a
 * wording matter: warning.
 */
import { removeNumbering, removeQuotes, removeSpaces, spacelessFullWidth } from "../../base/fold.ts";
import { remembered } from "../../base/memo.ts";
import { nationalChineseName, namedCodes, normaliseName } from "../../schema/classification-names.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import type { AuditRow } from "../rows.ts";

type System = "functional" | "economic";

/** A printed label as a name: numbering, the code itself, brackets and 其中 removed. */
export function nameOf(label: string, code: string): string {
  return normaliseName(removeQuotes(withoutCode(removeNumbering(removeSpaces(label)), code).replace(/^其中[:：]/, "")));
}

/** nameOf, each (code, label) read once: a code's row is printed alike in several tables. */
const rowName = remembered((key: string): string => {
  const at = key.indexOf("\u0001");
  return nameOf(key.slice(at + 1), key.slice(0, at));
});

/** A national name as compared (normaliseName), each read once. */
const normalisedNational = remembered(normaliseName);

/** `s` without the code opening it, in brackets or not (`[2010101]…`, `【301】…`, `30101…`); no pattern built per label. */
function withoutCode(s: string, code: string): string {
  const open = "[［【".includes(s[0] ?? "\n") ? 1 : 0;
  if (!s.startsWith(code, open)) return s;
  const end = open + code.length;
  return s.slice("]］】".includes(s[end] ?? "\n") ? end + 1 : end);
}

/** Two names that are the same name: equal, one cut short by a wrapped cell, or differing in a trailing 支出 / 费. */
export function sameName(a: string, b: string): boolean {
  if (!a || !b) return true;
  const x = a.replace(/(支出|费)$/, "");
  const y = b.replace(/(支出|费)$/, "");
  if (x === y) return true;
  const short = x.length <= y.length ? x : y;
  const long = x.length <= y.length ? y : x;
  return short.length >= 4 && long.startsWith(short);
}

const byName = new Map<System, Map<string, string[]>>();
function codesNamed(system: System, name: string): string[] {
  if (!byName.has(system)) {
    const m = new Map<string, string[]>();
    for (const c of namedCodes(system)) {
      const n = normaliseName(nationalChineseName(system, c)!);
      if (!m.has(n)) m.set(n, []);
      m.get(n)!.push(c);
    }
    byName.set(system, m);
  }
  return byName.get(system)!.get(name) ?? [];
}

/** The name the prose gives a code: the part before its level marker （类）/（款）/（项）. */
function proseName(subject: string, code: string): string | null {
  const marker = code.length === 3 ? "类" : code.length === 5 ? "款" : "项";
  const parts = spacelessFullWidth(subject).split(/（([类款项])）/);
  for (let i = 1; i < parts.length; i += 2) if (parts[i] === marker && parts[i - 1]) return normaliseName(parts[i - 1]);
  return null;
}

/** Tables that list projects under their codes (项目支出 by project): their labels are project names, not code names. */
function projectTables(ctx: AuditContext): Set<string> {
  const out = new Set<string>();
  for (const t of ctx.tables) {
    if (/项目支出/.test(removeSpaces(t.table_name)) && !/基本支出/.test(t.table_name)) {
      out.add(t.table_id);
      continue;
    }
    const labels = new Map<string, Set<string>>();
    for (const r of t.rows) {
      if (!r.code) continue;
      const k = `${r.unit_code ?? ""}|${r.code}`;
      let keys = labels.get(k);
      if (!keys) labels.set(k, (keys = new Set()));
      keys.add(r.key);
    }
    if ([...labels.values()].some((s) => s.size > 1)) out.add(t.table_id);
  }
  return out;
}

export function codeNames(ctx: AuditContext, run: RuleRun): void {
  // one judgement per (code, printed name): the first row printing it, with every line printing it
  const printed = new Map<string, { row: AuditRow; name: string; system: System; lines: number[]; tables: string[] }>();
  const projects = projectTables(ctx);
  for (const r of ctx.rows) {
    if (!r.code || r.unit_code === r.code || projects.has(r.table_id)) continue;
    const item = r.items[0];
    const system = item?.code_system;
    if (system !== "functional" && system !== "economic") continue;
    const name = rowName(`${r.code}\u0001${r.label}`);
    if (name.length < 2 || /\d{3}/.test(name)) continue;
    const k = `${system}|${r.code}|${name}`;
    const had = printed.get(k);
    if (had) {
      had.lines.push(r.source_line);
      had.tables.push(r.table_id);
    } else printed.set(k, { row: r, name, system, lines: [r.source_line], tables: [r.table_id] });
  }
  const tableNames = new Map<string, Array<{ name: string; lines: number[]; tables: string[] }>>();
  for (const p of printed.values()) {
    const code = p.row.code!;
    const national = nationalChineseName(p.system, code);
    if (!tableNames.has(code)) tableNames.set(code, []);
    tableNames.get(code)!.push(p);
    if (!national) continue;
    const nat = normalisedNational(national);
    if (sameName(p.name, nat)) {
      run.pass();
      continue;
    }
    const other = codesNamed(p.system, p.name).filter((c) => c !== code && c.length === code.length && c[0] === code[0]);
    const where = { zh: `${p.row.table_id} 科目 ${code}`, en: `${p.row.table_id} code ${code}`, subject: code, source_lines: p.lines, table_ids: p.tables };
    if (other.length > 0)
      run.fail(
        where,
        "warning",
        `印作“${p.name}”，这是科目 ${other.join("、")} 的名称；${code} 应为“${national}”。`,
        `printed as "${p.name}", the name of code ${other.join(", ")}; ${code} is "${national}".`,
        null,
        null,
      );
    else if (p.system === "functional" && !(p.name.startsWith("其他") && nat.startsWith("其他")))
      run.fail(where, "warning", `印作“${p.name}”，全国科目名称为“${national}”。`, `printed as "${p.name}"; the national name is "${national}".`, null, null);
    else run.pass();
  }
  // the prose names a code as the tables do
  const seen = new Set<string>();
  for (const f of ctx.input.facts ?? []) {
    if (!f.code || f.derived) continue;
    const name = proseName(f.subject, f.code);
    const inTables = tableNames.get(f.code);
    if (!name || !inTables || seen.has(`${f.code}|${name}`)) continue;
    seen.add(`${f.code}|${name}`);
    const national = nationalChineseName("functional", f.code);
    if (inTables.some((t) => sameName(t.name, name)) || (national && sameName(normalisedNational(national), name))) {
      run.pass();
      continue;
    }
    const t = inTables[0];
    run.fail(
      { zh: `正文科目 ${f.code}`, en: `prose code ${f.code}`, subject: f.code, source_lines: [f.source_line, ...t.lines], table_ids: t.tables },
      "warning",
      `正文称“${name}”，表中为“${t.name}”。`,
      `the prose calls it "${name}", the tables "${t.name}".`,
      null,
      null,
    );
  }
}
