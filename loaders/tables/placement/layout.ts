/**
 * Rule 0 for layout-kept text (`pdftotext -layout`): the columns by
 * position, as geometry.ts does for a PDF. Each column's header word has a
 * display centre; a number goes to the column whose centre is nearest to
 * its own ("layout" in the parsers' rules).
 */
import { tokenize, type Token } from "../rows.ts";

/**
 * Display centre of each column's header word in a layout-kept header
 * block: for column k, the first token (top to bottom, left to right) that
 * contains one of keys[k] and was not taken by an earlier column.
 */
export function headerAnchors(header: string[], keys: string[][]): Array<number | null> {
  const toks = header.flatMap((l) => tokenize(l));
  const taken = new Set<Token>();
  return keys.map((ks) => {
    for (const t of toks) {
      if (taken.has(t)) continue;
      if (ks.some((k) => t.text.includes(k))) {
        taken.add(t);
        return (t.x0 + t.x1) / 2;
      }
    }
    return null;
  });
}

/** Index of the anchor nearest to a token's display centre. */
export function nearestAnchor(t: Token, anchors: number[]): number {
  const c = (t.x0 + t.x1) / 2;
  let best = 0;
  for (let i = 1; i < anchors.length; i++) if (Math.abs(anchors[i] - c) < Math.abs(anchors[best] - c)) best = i;
  return best;
}
