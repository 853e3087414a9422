/** Bytes of any supported file → a SourceDocument: PDFs by their text layer, everything else decoded as text. */
import type { SourceDocument } from "../schema/types.ts";
import { IngestError } from "./decode.ts";
import { fromPdfBytes, looksLikePdf } from "./pdf/document.ts";
import { fromBytes } from "./read.ts";

export const isPdfName = (name: string): boolean => /\.pdf$/i.test(name);

export function readSource(bytes: Uint8Array, source_file: string): SourceDocument {
  if (looksLikePdf(bytes)) return fromPdfBytes(bytes, source_file);
  if (isPdfName(source_file)) throw new IngestError(source_file, "not a PDF (no %PDF- header): cannot be read");
  return fromBytes(bytes, source_file);
}

/** One row per page of a PDF document: the lines printed on it (none for text). */
export interface PageRow {
  doc_id: string;
  page: number;
  first_line: number;
  last_line: number;
  text_lines: number;
}

export function pagesOf(doc: SourceDocument): PageRow[] {
  const rows: PageRow[] = [];
  if (!doc.geometry) return rows;
  doc.geometry.forEach((g, i) => {
    if (g === null) rows.push({ doc_id: doc.doc_id, page: rows.length + 1, first_line: i + 1, last_line: i + 1, text_lines: 0 });
    else {
      const row = rows[rows.length - 1];
      row.last_line = i + 1;
      row.text_lines++;
    }
  });
  return rows;
}
