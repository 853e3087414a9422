/**
 * naming: the entity is named alike on the cover (documents.entity), in the
 * tables' header fields (编制单位 / 单位名称 / 部门名称 / 预算单位 / 预算主管部门
 * / 填报单位：…) and in the part titles (第一部分 X概况). Names are compared
 * without spaces, quotes and a 中共 prefix; a region prefix one of them omits
 * (普陀区商务委员会 / 上海市普陀区商务委员会) is the same name. A different name,
 * or a scope marker that contradicts the cover's (（汇总） against （本级）),
 * is a warning (a wording issue, not a number).
 */
import { isSpace, removeSpaces } from "../../base/fold.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";

const FIELD = /^\s*(编制单位|单位名称|部门名称|预算单位|预算主管部门|主管部门名称|填报单位)\s*[:：]\s*([^\s:：]{2,40})/;
/** The first characters of FIELD's names (char codes): a line opening otherwise is no field (most lines). */
const FIELD_START = new Set([..."编单部预主填"].map((c) => c.charCodeAt(0)));

/** The char code of a line's first character besides white space (-1 for a blank line): no trimmed copy, no one-character string per line. */
function firstPrinted(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}
const PART_TITLE = /^\s*第[一二三四五六七八九十]+部分\s*(\S{2,40}?)(概况|基本情况)\s*$/;
const REGION = /^(.{1,12}?(省|自治区|市|自治州|州|盟|地区|区|县|旗))/;

export interface Printed {
  name: string;
  line: number;
  where: string;
}

const MARKER = /[（(](本级|汇总|部门|单位)[)）]$/;

/** A name as compared: no spaces, quotes, 中共 prefix or scope marker. */
export function nameKey(name: string): string {
  return removeSpaces(name)
    .replace(/[“”"'‘’]/g, "")
    .replace(/^中共/, "")
    .replace(MARKER, "")
    .replace(/(本级|汇总)$/, "");
}

function markerOf(name: string): string | null {
  const m = removeSpaces(name).match(MARKER);
  return m && (m[1] === "本级" || m[1] === "汇总") ? m[1] : null;
}

/** The same entity: equal, or equal once a leading region name one of them prints is dropped. */
export function sameEntity(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return true;
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (!long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return REGION.test(prefix) && prefix.replace(REGION, "").replace(/^(.{1,12}?(省|市|区|县|州|旗))*/, "") === "";
}

/** Where the document prints its own name, besides the cover. */
export function printedNames(lines: string[]): Printed[] {
  const out: Printed[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    // a field needs its colon, a part title its 部分: most lines are neither
    const field = FIELD_START.has(firstPrinted(text)) && (text.includes(":") || text.includes("：")) ? text.match(FIELD) : null;
    if (field) out.push({ name: field[2], line: i + 1, where: field[1] });
    if (!text.includes("部分")) continue;
    let title = text.match(PART_TITLE);
    let at = i + 1;
    if (!title && /^\s*第[一二三四五六七八九十]+部分\s*$/.test(text)) {
      // the title set on the next printed line
      const next = lines.slice(i + 1, i + 4).findIndex((l) => l.trim() !== "");
      if (next >= 0) {
        at = i + 2 + next;
        title = lines[at - 1].match(/^\s*(\S{2,40}?)(概况|基本情况)\s*$/);
      }
    }
    if (title && !/^(部门|单位|本部门|本单位)$/.test(title[1])) out.push({ name: title[1], line: at, where: "部分标题" });
  }
  return out;
}

export function naming(ctx: AuditContext, run: RuleRun): void {
  const cover = ctx.input.doc.entity;
  const lines = ctx.input.lines;
  if (!cover || !lines) return;
  const coverMarker = markerOf(cover);
  const seen = new Set<string>();
  for (const p of printedNames(lines)) {
    const k = `${p.where}\u0001${p.name}`;
    const repeat = seen.has(k);
    seen.add(k);
    if (repeat) continue; // the same header on every table page is one printing
    const marker = markerOf(p.name);
    const where = {
      zh: `${p.where}“${p.name}”与封面“${cover}”`,
      en: `${p.where} "${p.name}" against the cover's "${cover}"`,
      subject: p.name,
      source_lines: [p.line],
      table_ids: [],
    };
    if (!sameEntity(p.name, cover)) {
      // a 汇总 / department document's tables may be compiled for one of its units: only its own name's variants are judged
      if (p.where === "主管部门名称" || p.where === "预算主管部门") {
        run.pass();
        continue;
      }
      run.fail(where, "warning", "单位名称不一致。", "the entity is named differently.", null, null);
    } else if (marker && coverMarker && marker !== coverMarker) {
      run.fail(where, "warning", `范围标注不一致（${marker} / ${coverMarker}）。`, `the scope markers disagree (${marker} / ${coverMarker}).`, null, null);
    } else run.pass();
  }
}
