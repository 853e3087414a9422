/**
 * Layout of a decoded document: plain text, Markdown (tables with `|`),
 * or tab-separated tables. Each later stage reads cells through `cells()`,
 * so the same parser serves all three.
 */

import type { Layout } from "../schema/types.ts";

export type { Layout };

export function detectLayout(lines: string[]): Layout {
  let tabs = 0;
  let pipes = 0;
  let headings = 0;
  for (const line of lines) {
    if (line.includes("\t")) tabs++;
    if (/^\s*\|.*\|\s*$/.test(line)) pipes++;
    if (/^#{1,6}\s/.test(line)) headings++;
  }
  if (pipes >= 3 || headings >= 3) return "markdown";
  if (tabs >= 10) return "tsv";
  return "text";
}

/**
 * Split a line into cells. Tabs and Markdown pipes delimit cells exactly
 * (empty cells kept, as empty strings); plain text splits on runs of
 * white space (empty cells are lost: parsers must reason about that).
 */
export function cells(line: string): { cells: string[]; exact: boolean } {
  if (/^\s*\|.*\|\s*$/.test(line))
    return { cells: line.trim().slice(1, -1).split("|").map((c) => c.trim()), exact: true };
  if (line.includes("\t")) return { cells: line.split("\t").map((c) => c.trim()), exact: true };
  const trimmed = line.trim();
  return { cells: trimmed ? trimmed.split(/[ \u3000]+/) : [], exact: false };
}
