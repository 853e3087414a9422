// Inventory of the source documents: one row per file with size, line count,
// checksum and detected encoding. Used by the documents.arrow.ts data loader;
// kept separate so unit tests can call it without writing to stdout.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {Int32, Table, Utf8, tableToIPC, vectorFromArray} from "apache-arrow";

export type Encoding = "utf-8" | "utf-8-bom" | "gb18030";

export interface DocumentRow {
  file: string;
  bytes: number;
  lines: number;
  sha256: string;
  encoding: Encoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Detects the encoding of a text file: BOM first, then strict UTF-8, else GB18030. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b)) return "utf-8-bom";
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** Counts lines: LF-terminated lines plus a final unterminated one. 0x0A never occurs inside a GB18030 or UTF-8 sequence. */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; ++i) if (bytes[i] === 0x0a) ++n;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) ++n;
  return n;
}

/** Lists the *.txt files of `dir`, sorted by name (code-point order, locale independent). */
export function inventory(dir: string): DocumentRow[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith(".txt") && statSync(join(dir, name)).isFile())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((file) => {
    const bytes = readFileSync(join(dir, file));
    return {
      file,
      bytes: bytes.length,
      lines: countLines(bytes),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      encoding: detectEncoding(bytes)
    };
  });
}

/** Builds an Arrow table with explicit (non-dictionary) column types. */
export function inventoryTable(rows: DocumentRow[]): Table {
  return new Table({
    file: vectorFromArray(rows.map((r) => r.file), new Utf8()),
    bytes: vectorFromArray(rows.map((r) => r.bytes), new Int32()),
    lines: vectorFromArray(rows.map((r) => r.lines), new Int32()),
    sha256: vectorFromArray(rows.map((r) => r.sha256), new Utf8()),
    encoding: vectorFromArray(rows.map((r) => r.encoding), new Utf8())
  });
}

/** Arrow IPC *stream* bytes for the inventory of `dir`. */
export function inventoryIPC(dir: string): Uint8Array {
  return tableToIPC(inventoryTable(inventory(dir)), "stream");
}
