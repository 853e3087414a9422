/** A file on disk → a SourceDocument (decoded lines, encoding, layout, content-derived id). */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SourceDocument } from "../schema/types.ts";
import { decode, splitLines } from "./decode.ts";
import { detectLayout } from "./layout.ts";

/**
 * The document id is derived from the decoded text with normalised line
 * endings, so a GBK or CRLF copy of a document has the id of the original.
 */
export function docIdOf(lines: string[]): string {
  return idOfNormalised(lines.join("\n"));
}

function idOfNormalised(text: string): string {
  const hash = createHash("sha256").update(text, "utf8").digest("hex");
  return `d${hash.slice(0, 12)}`;
}

export function fromBytes(bytes: Uint8Array, source_file: string): SourceDocument {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { text, encoding, warnings } = decode(bytes, source_file);
  const { lines, line_ending } = splitLines(text);
  return {
    // text with \n line ends (or none) already is lines.join("\n"), less the final \n that splitLines drops
    doc_id: line_ending === "lf" || line_ending === "none" ? idOfNormalised(text.endsWith("\n") ? text.slice(0, -1) : text) : docIdOf(lines),
    source_file,
    sha256,
    bytes: bytes.length,
    encoding,
    line_ending,
    layout: detectLayout(lines),
    source_format: "text",
    pages: null,
    lines,
    warnings,
  };
}

export function readDocument(path: string, source_file = path): SourceDocument {
  return fromBytes(new Uint8Array(readFileSync(path)), source_file);
}
