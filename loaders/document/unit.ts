/** Money units as stated in headers: 单位：万元, 金额单位：元, （单位：亿元）. */
import { removeSpaces } from "../base/fold.ts";
import type { AmountUnit } from "../schema/types.ts";

const UNIT = /单位[:：]?(万元|亿元|元)/;

export function unitInLine(line: string): AmountUnit | null {
  // folding removes white space only: a line without 单 and 元 states no unit (most lines)
  if (!line.includes("单") || !line.includes("元")) return null;
  const m = removeSpaces(line).match(UNIT);
  return m ? (m[1] as AmountUnit) : null;
}
