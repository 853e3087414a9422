/**
 * Lines whose numbers a table did not place: the residue reasons that say
 * so (ambiguous or identity-breaking rows, untrusted tables, headers not
 * recognised, numbers left by the parser). One definition for the
 * document's message (extract.ts) and the PDF report (bench/pdf-report.ts).
 */
import { uniqueAscending } from "../base/line-order.ts";
import type { ResidueRow } from "../schema/types.ts";

/** Residue reasons of a line whose numbers a table did not place. */
export const UNPLACED_REASON =
  /ambiguous columns|no column reading keeps|untrusted table|header was not recognised|columns without a known header|economic rows split|were not placed by the table parser/;

/** The lines (sorted, each once) with a digit whose residue reason says their numbers were not placed. */
export function unplacedLines(residue: ResidueRow[]): number[] {
  const lines = residue.filter((r) => UNPLACED_REASON.test(r.reason) && /\d/.test(r.source_text)).map((r) => r.source_line);
  return uniqueAscending(lines);
}

/** The document message naming every unplaced line, or null when there is none. */
export function unplacedMessage(source_file: string, residue: ResidueRow[]): string | null {
  const lines = unplacedLines(residue);
  return lines.length ? `${source_file}: numbers not placed on ${lines.length} line(s): ${lines.join(", ")}` : null;
}
