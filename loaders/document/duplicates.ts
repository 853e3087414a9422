/**
 * Two files with the same text (the same doc_id) are one document: the
 * cleanest copy is extracted and every other copy is reported as a duplicate
 * of it, naming it and saying why it was preferred. Cleanest: status ok
 * before partial before error, then fewer messages (a decoding warning is
 * one), then UTF-8 before a re-encoding of it (GB18030, UTF-16), then the
 * first in input order — so the choice never depends on the order in which
 * copies were read or finished.
 */
import type { DocumentRow } from "../schema/types.ts";

const STATUS_RANK = { ok: 0, partial: 1, error: 2 } as const;
const messageCount = (d: DocumentRow) => (d.message ? d.message.split("\n").length : 0);

/** Encodings in order of preference between copies of one text: the original is far likelier UTF-8 than a re-encoding. */
const ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030"];
const encodingRank = (d: DocumentRow) => {
  const rank = ENCODINGS.indexOf(d.encoding);
  return rank < 0 ? ENCODINGS.length : rank;
};

/** Negative when copy a (at position ia) is cleaner than copy b (at ib). */
export function compareCopies(a: DocumentRow, ia: number, b: DocumentRow, ib: number): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || messageCount(a) - messageCount(b) || encodingRank(a) - encodingRank(b) || ia - ib;
}

/** Why `kept` is cleaner than `dup` (empty when only the input order decided). */
function whyKept(kept: DocumentRow, dup: DocumentRow): string {
  if (kept.status !== dup.status) return `, the cleaner copy (${kept.status} rather than ${dup.status})`;
  const [mk, md] = [messageCount(kept), messageCount(dup)];
  if (mk !== md) return `, the cleaner copy (${mk} message(s) rather than ${md})`;
  if (kept.encoding !== dup.encoding && encodingRank(kept) !== encodingRank(dup)) return `, the cleaner copy (${kept.encoding} rather than ${dup.encoding})`;
  return "";
}

/**
 * Mark duplicates among documents rows by position; returns the positions whose
 * rows must not be written. Rows of unreadable files (status error, no text)
 * are never grouped.
 */
export function markDuplicates(documents: ReadonlyMap<number, DocumentRow>): Set<number> {
  const groups = new Map<string, number[]>();
  for (const [pos, d] of documents) {
    if (d.status === "error" && d.line_count === 0) continue;
    const group = groups.get(d.doc_id);
    if (group) group.push(pos);
    else groups.set(d.doc_id, [pos]);
  }
  const dropped = new Set<number>();
  for (const positions of groups.values()) {
    if (positions.length < 2) continue;
    positions.sort((a, b) => compareCopies(documents.get(a)!, a, documents.get(b)!, b));
    const kept = documents.get(positions[0])!;
    for (const pos of positions.slice(1)) {
      const d = documents.get(pos)!;
      const why = whyKept(kept, d);
      d.status = "partial";
      d.message = `${d.source_file}: same text as ${kept.source_file}${why}; not extracted twice`;
      d.doc_id = `${d.doc_id}-dup${pos}`;
      dropped.add(pos);
    }
  }
  return dropped;
}
