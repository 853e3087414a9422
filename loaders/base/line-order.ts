/**
 * Line numbers put in order, as rows and findings report them (an
 * indicator's or a finding's source lines). Most lists are gathered in order
 * already: they are copied without sorting.
 */

/** Whether each line number is larger than the one before it (`strict`) or not smaller. */
function inOrder(lines: readonly number[], strict: boolean): boolean {
  for (let k = 1; k < lines.length; k++) if (strict ? lines[k] <= lines[k - 1] : lines[k] < lines[k - 1]) return false;
  return true;
}

/** A copy of the line numbers in ascending order (repeats kept). */
export function ascending(lines: readonly number[]): number[] {
  return inOrder(lines, false) ? lines.slice() : [...lines].sort((a, b) => a - b);
}

/** A copy of the line numbers in ascending order, each once. */
export function uniqueAscending(lines: readonly number[]): number[] {
  if (inOrder(lines, true)) return lines.slice();
  const sorted = [...lines].sort((a, b) => a - b);
  return sorted.filter((l, k) => k === 0 || l !== sorted[k - 1]);
}
