/** Money in any printed unit → 万元 (null for non-money units), without float noise. */
import { toWanFactor } from "../ingest/numbers.ts";

export function toWan(value: number, unit: string): number | null {
  const f = toWanFactor(unit);
  return f === null ? null : Number((value * f).toFixed(8));
}
