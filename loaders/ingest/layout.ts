/**
 * Layout of a decoded document: plain text, Markdown (tables with `|`),
 * or tab-separated tables. Each later stage reads cells through `cells()`,
 * so the same parser serves all three.
 */

import type { Layout } from "../schema/types.ts";

export type { Layout };

/** A Markdown table row: `| … |`. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;

export function detectLayout(lines: string[]): Layout {
  let tabs = 0;
  let pipes = 0;
  let headings = 0;
  for (const line of lines) {
    if (line.includes("\t")) tabs++;
    if (line.includes("|") && PIPE_ROW.test(line)) pipes++;
    if (line.charCodeAt(0) === 0x23 && /^#{1,6}\s/.test(line)) headings++; // #
    // Markdown is decided whatever the rest holds
    if (pipes >= 3 || headings >= 3) return "markdown";
  }
  if (tabs >= 10) return "tsv";
  return "text";
}

/**
 * Split a line into cells. Tabs and Markdown pipes delimit cells exactly
 * (empty cells kept, as empty strings); plain text splits on runs of
 * white space (empty cells are lost: parsers must reason about that).
 */
export function cells(line: string): { cells: string[]; exact: boolean } {
  if (PIPE_ROW.test(line))
    return {
      cells: line
        .trim()
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
      exact: true,
    };
  if (line.includes("\t")) return { cells: line.split("\t").map((c) => c.trim()), exact: true };
  const trimmed = line.trim();
  return { cells: trimmed ? trimmed.split(/[ \u3000]+/) : [], exact: false };
}
