/** Numbers as printed in the documents: `5,634.18`, `1358.87`, `-0.5`, `（12.3）`, `2,022`. */

const NUMBER = /^[-−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Parse a cell that is exactly one number; null for anything else. */
export function parseNumber(cell: string): number | null {
  // rewrites and pattern tests only where their characters occur (this runs for every cell)
  let s = cell.trim();
  if (s.includes("，")) s = s.replace(/，/g, ",");
  if (s.includes("．")) s = s.replace(/．/g, ".");
  if (s === "" || s === "-" || s === "—") return null;
  let negative = false;
  const first = s.charCodeAt(0);
  if ((first === 0xff08 || first === 0x28) && /^[（(].*[)）]$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (!NUMBER.test(s)) return null;
  if (/^[−–]/.test(s)) s = "-" + s.slice(1);
  const value = Number(s.includes(",") ? s.replace(/,/g, "") : s);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** Decimal places printed, to round sums the way the document does. */
export function decimals(cell: string): number {
  const dot = cell.indexOf(".");
  return dot < 0 ? 0 : cell.trim().length - dot - 1;
}
