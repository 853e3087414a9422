/** Money units as stated in headers: 单位：万元, 金额单位：元, （单位：亿元）. */
import type { AmountUnit } from "../schema/types.ts";

export function unitInLine(line: string): AmountUnit | null {
  const m = line.replace(/\s+/g, "").match(/单位[:：]?(万元|亿元|元)/);
  return m ? (m[1] as AmountUnit) : null;
}
