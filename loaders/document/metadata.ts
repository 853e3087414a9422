/**
 * Document metadata from the content (never from the file name): entity,
 * region, level, year, kind (budget / final), scope (department / unit) and
 * the money unit.
 */
import type { DocKind, Scope } from "../schema/types.ts";
import { PROVINCE_END, PROVINCES, regionOf, type Region } from "./region.ts";
import { unitInLine } from "./unit.ts";
import { fullWidthBrackets, removeSpaces, removeSpacesAndMarkup } from "../base/fold.ts";
import { isPageMarker } from "./line-kinds.ts";

export interface Metadata extends Region {
  entity: string | null;
  year: number | null;
  kind: DocKind | null;
  scope: Scope | null;
  scope_zh: string | null;
  amount_unit: string;
  title: string | null;
  title_line: number | null;
}

const ORG_SUFFIX = "(?:局|委员会|厅|办事处|院|中心|委|办公室|所|站|馆|会|署|部)";
const ORG = new RegExp(`(?!第)[\\u4e00-\\u9fa5]{2,30}${ORG_SUFFIX}(?:（(?:本级|汇总|机关)）|\\((?:本级|汇总|机关)\\))?`, "u");

/** Labelled entity fields: 单位名称：X, 部门（单位）：X, 预算单位：X, 预算主管部门：X, 部门：347-X. */
const LABELLED = /(?:单位名称|部门（单位）|部门\(单位\)|预算单位|预算主管部门|编制单位|部门)[:：]\s*(?:\d{3,6}\s*[-－—]\s*)?([\u4e00-\u9fa5（）()]{4,40})/u;

/** A title line: `<entity> 2023 年 部门预算`, `<entity>2024年度部门决算`, `X市2025年区级部门预算`, `<entity> 2026 年度单位预算公开`. */
const TITLE = /^(.*?)(20\d\d)年度?(?:区级|市级|省级|县级)?(.*?)(部门|单位)?(预算|决算)(?:公开|信息公开)?$/u;

/** An organisation named with its province (matchAll copies the RegExp, so one instance serves every call). */
const NAMED_ORG = new RegExp(`(?:${PROVINCES.join("|")})(?:[\\u4e00-\\u9fa5]{2,3}?市)?[\\u4e00-\\u9fa5]{2,16}?${ORG_SUFFIX}`, "gu");

/** What a line needs to give anything to the pass below: a colon (labels), 表 (table titles), 20 (years), 单 (units). */
const LINE_MARKS = /[：:表单]|20/;

function clean(s: string): string {
  return fullWidthBrackets(removeSpacesAndMarkup(s));
}

function cleanEntity(raw: string): string | null {
  const s = clean(raw).replace(/^(?:20\d\d年度?)/, "");
  const m = s.match(ORG);
  return m ? m[0] : null;
}

function mode<T>(xs: T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestCount) [best, bestCount] = [x, n];
  }
  return best;
}

/**
 * A table title's kind: a short line ending in 表 that names 预算 or 决算
 * (收支预算总表, 收入支出决算总表, 部门综合预算收入总表 …).
 */
function tableTitleKind(line: string): "预算" | "决算" | null {
  if (line.length > 80 || !line.includes("表")) return null;
  const t = clean(line);
  if (t.length > 60 || !t.endsWith("表")) return null;
  return t.includes("决算") ? "决算" : t.includes("预算") ? "预算" : null;
}

export function readMetadata(lines: string[]): Metadata {
  const head = lines.slice(0, Math.min(lines.length, 60));
  let title: string | null = null;
  let title_line: number | null = null;
  let titleYear: number | null = null;
  let titleKind: string | null = null;
  let titleScope: string | null = null;
  let entity: string | null = null;

  // 1. a title in the first lines, possibly wrapped over up to three lines (003's bold title)
  for (let i = 0; i < head.length && !title; i++) {
    for (let span = 1; span <= 3 && !title; span++) {
      const joined = clean(
        head
          .slice(i, i + span)
          .filter((l) => !isPageMarker(l) && !/^[\s.。·•\-—]*$/.test(l))
          .join(""),
      );
      if (!joined || joined.length > 60 || /目录|[、，。：:；]/.test(joined)) continue;
      const m = joined.match(TITLE);
      if (m) {
        title = joined;
        title_line = i + 1;
        titleYear = Number(m[2]);
        titleScope = m[4] ?? null;
        titleKind = m[5];
        entity = cleanEntity(m[1]) ?? cleanEntity(m[3]);
      }
    }
  }

  // one pass over the lines for what every document needs: labelled entity fields, the votes for kind, year and
  // scope, the stated money units (each list in line order)
  const labelled: string[] = [];
  const tableKinds: string[] = [];
  const headingKinds: string[] = [];
  const yearVotes: number[] = [];
  const squashedYears: number[] = [];
  const scopeVotes: string[] = [];
  const units: string[] = [];
  for (const line of lines) {
    if (line.length < 2) continue; // an empty line (a third of some documents) or one glyph: none of these
    if (!LINE_MARKS.test(line)) continue; // one test for the marks each read below needs (most lines hold none)
    // 2. labelled entity fields anywhere (the most frequent wins: table headers repeat it)
    if (line.includes("：") || line.includes(":")) {
      const m = line.match(LABELLED);
      if (m) {
        const e = cleanEntity(m[1]);
        if (e) labelled.push(e);
      }
    }
    // kind and year: table kinds weigh most, then headings that name them
    const k = tableTitleKind(line);
    if (k) tableKinds.push(k);
    if (line.includes("20")) {
      if (line.length <= 80) {
        const t = clean(line);
        if (t.length <= 40) {
          const m = t.match(/(20\d\d)年度?(?:区级|市级|省级)?(部门|单位)(决算|预算)/u);
          if (m) {
            headingKinds.push(m[3]);
            yearVotes.push(Number(m[1]));
            scopeVotes.push(m[2]);
          }
          const y = t.match(/(20\d\d)年度?$/u) ?? t.match(/^(20\d\d)年度?/u);
          if (y && /单位[:：]|金额单位/.test(line)) yearVotes.push(Number(y[1]));
        }
      }
      if (line.includes("年")) {
        const squashed = removeSpaces(line);
        const y = squashed.match(/(20\d\d)年度?单位[:：]/u) ?? squashed.match(/万元(20\d\d)年度/u);
        if (y) squashedYears.push(Number(y[1]));
      }
    }
    const u = unitInLine(line);
    if (u) units.push(u);
  }
  const labelledEntity = mode(labelled);
  if (labelledEntity && (!entity || labelledEntity.startsWith(entity) || labelledEntity.length > entity.length)) entity = labelledEntity;

  // 3. `<entity>概况` headings, then the most named organisation
  if (!entity) {
    for (const line of lines) {
      if (!line.includes("概况") || line.length > 80) continue;
      const m = clean(line).match(/^(?:第[一二三]部分)?(.{4,40}?)概况$/u);
      if (m) {
        entity = cleanEntity(m[1]);
        if (entity) break;
      }
    }
  }
  if (!entity) {
    const names: string[] = [];
    // a line without the end of a province name cannot match
    for (const line of lines) if (PROVINCE_END.test(line)) for (const m of line.matchAll(NAMED_ORG)) names.push(m[0]);
    entity = mode(names);
  }

  const kindZh = titleKind ?? mode([...tableKinds, ...headingKinds]);
  const kind = kindZh === "预算" ? "budget" : kindZh === "决算" ? "final" : null;
  const year = titleYear ?? mode([...yearVotes, ...squashedYears]);

  const marked = entity?.match(/（(本级|汇总|机关)）$/)?.[1] ?? null;
  const scopeZh = marked ?? titleScope ?? mode(scopeVotes);
  const scope = scopeZh === "部门" || scopeZh === "汇总" ? "department" : scopeZh ? "unit" : null;

  const amount_unit = mode(units) ?? "万元";

  return {
    entity,
    ...regionOf(entity, lines),
    year,
    kind,
    scope,
    scope_zh: scopeZh,
    amount_unit,
    title,
    title_line,
  };
}
