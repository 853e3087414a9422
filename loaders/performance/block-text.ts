/**
 * The lines of a 绩效 block as its readers (project.ts, text-rows.ts,
 * index.ts) compare them, each folded once however many readers and rules
 * look at it: trimmed, and without any white space (base/fold.ts
 * removeSpaces). Lines are 1-based, as in the blocks; each is folded on its
 * first reading.
 */
import { removeSpaces } from "../base/fold.ts";
import type { Block } from "../segment/performance.ts";

export class BlockText {
  readonly lines: readonly string[];
  /** First and last line of the block (1-based, inclusive). */
  readonly start: number;
  readonly end: number;
  /** Folded lines by i - start, undefined until read. */
  private readonly trims: Array<string | undefined>;
  private readonly compacts: Array<string | undefined>;

  constructor(lines: readonly string[], start: number, end: number) {
    this.lines = lines;
    this.start = start;
    this.end = end;
    const size = Math.max(0, end - start + 1);
    this.trims = new Array<string | undefined>(size).fill(undefined);
    this.compacts = new Array<string | undefined>(size).fill(undefined);
  }

  /** Line i without its surrounding white space. */
  trimmed(i: number): string {
    return (this.trims[i - this.start] ??= this.lines[i - 1].trim());
  }

  /** Line i without any white space. */
  compact(i: number): string {
    return (this.compacts[i - this.start] ??= removeSpaces(this.trimmed(i)));
  }
}

/** The text of a block, from its first line to its last. */
export const blockText = (lines: readonly string[], b: Block): BlockText => new BlockText(lines, b.start, b.end);
