/**
 * Bytes → text: detect the encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
 * GB18030/GBK), refuse binary input, and tolerate a file cut off in the
 * middle of a multi-byte character (the cut is reported, nothing else lost).
 */

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

export class IngestError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of valid UTF-8 bytes, or null (decoded once: the check is the decoding). */
function utf8Text(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes a UTF-8 sequence announces by its lead byte (0 for a continuation). */
function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 0;
}

/** Length of a trailing incomplete UTF-8 sequence (0 if the end is clean). */
function truncatedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const need = utf8Length(bytes[bytes.length - back]);
    if (need === 0) continue;
    return need > back ? back : 0;
  }
  return 0;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.01;
}

function lineOfOffset(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new IngestError(file, "empty file (0 bytes)");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", warnings: [] };
  if (looksBinary(bytes)) throw new IngestError(file, "binary content (NUL or control bytes), not a text document");

  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding = bom ? "utf-8-bom" : "utf-8";
  const whole = utf8Text(body);
  if (whole !== null) return { text: whole, encoding, warnings: [] };

  const tail = truncatedTail(body);
  const text = tail > 0 ? utf8Text(body.subarray(0, body.length - tail)) : null;
  if (text !== null) {
    return {
      text,
      encoding,
      warnings: [`${file}:${lineOfOffset(text)}: file ends in the middle of a UTF-8 character (${tail} byte(s) dropped): truncated?`],
    };
  }
  if (bom) throw new IngestError(file, "starts with a UTF-8 byte-order mark but is not valid UTF-8");

  const gb = new TextDecoder("gb18030").decode(body);
  const bad = gb.indexOf("\ufffd");
  const warnings: string[] = [];
  if (bad >= 0) {
    const count = gb.split("\ufffd").length - 1;
    if (count > gb.length * 0.01)
      throw new IngestError(file, "neither UTF-8 nor GB18030/GBK text: unknown encoding", lineOfOffset(gb.slice(0, bad)));
    warnings.push(`${file}:${lineOfOffset(gb.slice(0, bad))}: ${count} byte sequence(s) invalid in GB18030 replaced by U+FFFD`);
  }
  return { text: gb, encoding: "gb18030", warnings };
}

/** Split decoded text into lines, reporting the line-ending convention. */
export function splitLines(text: string): { lines: string[]; line_ending: string } {
  // count \r\n, lone \r and lone \n in one pass (no match arrays)
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = [crlf && "crlf", cr && "cr", lf && "lf"].filter(Boolean) as string[];
  const line_ending = kinds.length === 0 ? "none" : kinds.length === 1 ? kinds[0] : "mixed";
  // one kind of line end: split on it as a string
  const lines = line_ending === "mixed" ? text.split(/\r\n|\r|\n/) : text.split(line_ending === "crlf" ? "\r\n" : line_ending === "cr" ? "\r" : "\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return { lines, line_ending };
}
