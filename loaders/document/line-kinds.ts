/**
 * Lines the extraction or the template puts between the content: page
 * markers and page numbers, and notes saying a table has no data. The one
 * place that recognises them; segmentation, the table parsers and the
 * metadata reader all ask here.
 */
import { removeSpaces } from "../base/fold.ts";

/** A page marker inserted by the extractor (`=== PAGE 3 ===`) or a printed page number (`- 3 -`, `第3页 共9页`). */
export function isPageMarker(text: string): boolean {
  const t = text.trim();
  return /^=+\s*PAGE\s*\d+\s*=+$/i.test(t) || (/^[-—–]?\s*\d{1,3}\s*[-—–]?$/.test(t) && /[-—–]/.test(t)) || /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/.test(t);
}

/**
 * A page number printed bare (`27`): one to three digits alone on line `n`
 * (1-based) whose next non-blank line is a page marker (or the end).
 */
export function isBarePageNumber(lines: readonly string[], n: number): boolean {
  if (!/^\s*\d{1,3}\s*$/.test(lines[n - 1])) return false;
  for (let j = n; j < lines.length; j++) if (lines[j].trim() !== "") return isPageMarker(lines[j]);
  return true;
}

/** What a page's own line is, for a residue note: `page marker` (the extractor's), `page number` (printed), else null. */
export function pageLineNote(lines: readonly string[], n: number): string | null {
  const t = lines[n - 1].trim();
  if (isPageMarker(t)) return t.startsWith("=") ? "page marker" : "page number";
  return isBarePageNumber(lines, n) ? "page number" : null;
}

/**
 * A note saying the table has no data: `本表无数据`, `本表为空表`,
 * `没有…支出，故本表无数据` anywhere on the line, or a note (`注：` / `备注：`)
 * saying `无此项…`, `空表`, `无…安排/内容/数据/支出/收入`.
 */
export function isNoDataNote(text: string): boolean {
  const t = removeSpaces(text);
  if (/(本表无数据|本表为空|无此项(收支|支出|收入|数据)|没有.{0,30}(收入|支出|数据))/.test(t)) return true;
  return /^(注|备注)[:：]?/.test(t) && /无此项|空表|无.{0,20}(安排|内容|数据|支出|收入)/.test(t);
}
