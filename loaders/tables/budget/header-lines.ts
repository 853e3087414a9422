/** Why a non-data line of a budget table carries no figure (the residue reasons). */
import { isNoDataNote, isPageMarker } from "../../document/line-kinds.ts";
import { matchTableId, matchTitle } from "../../segment/catalogue.ts";

/** 部门：347-…, 金额单位：万元, 编制部门：… 单位：元, 预算单位：… */
export function isHeaderInfo(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, "");
  return /^(金额)?单位[:：]/.test(t) || /^(部门|编制部门|编制单位|预算单位|单位名称)[:：]/.test(t) || /单位[:：](万元|元|亿元)$/.test(t);
}

export function isNote(text: string): boolean {
  return /^(注|备注|说明)\s*\d*\s*[:：]/.test(text.trim());
}

/** Words that only header lines hold. */
const HEADER_WORDS = /科目编码|科目名称|单位代码|单位编码|单位名称|^类|^项\s*目|预算数|基本支出|项目支出|人员经费|公用经费|收\s*入|支\s*出|合计|小计|本年|功能分类|经济分类|因公出国|公务用车|公务接待|机关运行|预算安排|购置费|运行费|经营收入|^数$/;

export function looksLikeHeader(text: string): boolean {
  return HEADER_WORDS.test(text.trim().replace(/\t/g, " "));
}

/** Residue reason for a line that gives no figure, given where it stands. */
export function reasonFor(text: string, beforeData: boolean): string {
  if (isPageMarker(text)) return "page marker";
  if (matchTableId(text)) return "table number";
  if (matchTitle(text)) return "title";
  if (isHeaderInfo(text)) return "header (department / money unit)";
  if (isNoDataNote(text)) return "no-data note";
  if (isNote(text)) return "note";
  if (beforeData) return "header";
  if (looksLikeHeader(text)) return "page header repeated";
  if (/^[\s\u3000]*[一二三四五六七八九十]+、/.test(text)) return "section heading";
  return "label row without amounts";
}
