// Where a DuckDB error points: its messages echo the offending line as
// "LINE n: <text>" followed by a caret under the column.

export interface ErrorPosition {
  /** 1-based line of the query */
  line: number;
  /** 1-based column, when DuckDB printed the line in full */
  column?: number;
}

export function errorPosition(message: string): ErrorPosition | null {
  const lines = message.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^LINE (\d+): ?(.*)$/.exec(lines[i]);
    if (!m) continue;
    const line = Number(m[1]);
    const prefix = lines[i].length - m[2].length;
    const caretLine = lines[i + 1] ?? "";
    const caret = caretLine.indexOf("^");
    const truncated = m[2].startsWith("...");
    if (caret >= prefix && !truncated) return {line, column: caret - prefix + 1};
    return {line};
  }
  return null;
}
