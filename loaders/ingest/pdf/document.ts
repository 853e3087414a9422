/**
 * PDF bytes → a SourceDocument. Each page contributes a `=== PAGE n ===`
 * marker line and its positioned lines; the text of these lines is the
 * document's text (what source_line and doc_id refer to), and `geometry`
 * keeps, for every line, its page, bounding box and token x-spans.
 */
import { createHash } from "node:crypto";
import type { SourceDocument } from "../../schema/types.ts";
import { IngestError } from "../decode.ts";
import { docIdOf } from "../read.ts";
import { readPdfItems, type PdfRead } from "./items.ts";
import { pageLines, pageMarker, type PositionedLine } from "./lines.ts";

/** Whether bytes start like a PDF (the header may follow a little junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function failure(source_file: string, read: PdfRead): IngestError {
  const e = read.error!;
  const where = e.page ? `page ${e.page}: ` : "";
  switch (e.kind) {
    case "encrypted":
      return new IngestError(source_file, "encrypted PDF (password protected): its text cannot be read");
    case "invalid":
      return new IngestError(source_file, `not a readable PDF (corrupt or truncated): ${e.message}`);
    case "timeout":
      return new IngestError(source_file, `PDF ${e.message}`);
    default:
      return new IngestError(source_file, `${where}corrupt or truncated PDF: ${e.message}`);
  }
}

export function fromPdfBytes(bytes: Uint8Array, source_file: string, read: PdfRead = readPdfItems(bytes)): SourceDocument {
  if (read.error && read.pages.length === 0) throw failure(source_file, read);
  if (read.pages.length === 0) throw new IngestError(source_file, "PDF with zero pages");
  const lines: string[] = [];
  const geometry: Array<PositionedLine | null> = [];
  const warnings: string[] = [];
  const blank: number[] = [];
  for (const page of read.pages) {
    lines.push(pageMarker(page.page));
    geometry.push(null);
    const printed = pageLines(page);
    if (printed.length === 0) blank.push(page.page);
    for (const line of printed) {
      lines.push(line.text);
      geometry.push(line);
    }
  }
  if (blank.length === read.pages.length)
    throw new IngestError(source_file, `no text layer on any of its ${read.pages.length} page(s) (a scanned image?); OCR is not supported`);
  if (blank.length > 0) warnings.push(`${source_file}: no text on page(s) ${blank.join(", ")} (scanned images are not read; OCR is not supported)`);
  if (read.error) warnings.push(failure(source_file, read).message + "; the pages before it were read");
  return {
    doc_id: docIdOf(lines),
    source_file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
    encoding: "pdf",
    line_ending: "none",
    layout: "text",
    source_format: "pdf",
    pages: read.pages.length,
    lines,
    warnings,
    geometry,
  };
}
