/**
 * Bytes → text: detect the encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
 * GB18030/GBK) and refuse binary input (the whole file is looked at). What
 * can be kept is kept, with a warning naming the line: a file cut off in the
 * middle of a multi-byte character, a few invalid UTF-8 bytes or isolated
 * NUL bytes (replaced by U+FFFD), a stray UTF-16 mark before 8-bit text.
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

/**
 * Invalid UTF-8 sequences, as byte offsets, each counted as the decoder
 * replaces it (one U+FFFD per maximal invalid subpart, WHATWG), and how
 * many valid multi-byte characters there are (evidence that the file is
 * UTF-8 at all). One pass, no allocation per character.
 */
function scanUtf8(bytes: Uint8Array): { bad: number[]; multibyte: number } {
  const bad: number[] = [];
  let multibyte = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    if (need === 0) {
      bad.push(i++);
      continue;
    }
    let k = 1;
    for (; k <= need && i + k < n; k++) {
      const c = bytes[i + k];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
    }
    if (k > need) multibyte++;
    else bad.push(i);
    i += k > need ? k : Math.max(1, k);
  }
  return { bad, multibyte };
}

/**
 * 1-based line numbers of ascending offsets into `units` (bytes or UTF-16
 * code units), counting line ends as splitLines does (\r\n, \r, \n). One pass.
 */
function linesOfOffsets(offsets: number[], at: (i: number) => number): number[] {
  const out: number[] = [];
  let line = 1;
  let i = 0;
  for (const off of offsets) {
    for (; i < off; i++) {
      const c = at(i);
      if (c === 10 || (c === 13 && at(i + 1) !== 10)) line++;
    }
    out.push(line);
  }
  return out;
}

/** At most this many lines are named one by one in a warning list; the rest are counted. */
const NAMED = 20;

/** One warning per line holding replaced bytes: `file:line: N <what> replaced by U+FFFD`. */
function replacementWarnings(file: string, lines: number[], what: string): string[] {
  const perLine = new Map<number, number>();
  for (const l of lines) perLine.set(l, (perLine.get(l) ?? 0) + 1);
  const out: string[] = [];
  let left = 0;
  for (const [line, count] of perLine) {
    if (out.length < NAMED) out.push(`${file}:${line}: ${count} ${what} replaced by U+FFFD`);
    else left += count;
  }
  if (left > 0) out.push(`${file}: ${left} more ${what} on ${perLine.size - NAMED} more lines replaced by U+FFFD`);
  return out;
}

/**
 * A control character other than tab, line ends, VT and FF: anything below
 * U+0020 outside \t-\r. Without one a text holds none of the bytes nulBytes
 * counts (an ESC, which it passes, only sends the text to that scan).
 */
const CONTROL_CHARACTER = /[^\t-\r -\uffff]/;

/** Offsets of NUL bytes, or null when the file is binary (NUL and control bytes above 1% of it). */
function nulBytes(bytes: Uint8Array): number[] | null {
  const nul: number[] = [];
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x1b) continue;
    if (b === 0) nul.push(i);
    else if (b !== 0x0b && b !== 0x0c) control++;
  }
  return nul.length + control > bytes.length * 0.01 ? null : nul;
}

/** The UTF-16 variant a leading byte-order mark announces, if any. */
function utf16Mark(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Valid multi-byte characters outnumber invalid sequences four to one (GBK or UTF-16 read as UTF-8 is invalid almost everywhere). */
const mostlyUtf8 = (bad: number, multibyte: number) => multibyte > 0 && multibyte >= 4 * bad;

/** A UTF-16 mark before text that is not UTF-16: real UTF-16 has NUL bytes (every line end is 0A 00) and is not UTF-8. */
function strayMark(rest: Uint8Array): boolean {
  if (!rest.includes(0)) return true;
  const { bad, multibyte } = scanUtf8(rest);
  return mostlyUtf8(bad.length, multibyte);
}

const replacing = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Decode a document's bytes. Never loses a line for a bad byte: a UTF-8
 * file with a few invalid bytes is decoded with U+FFFD in their place and
 * one warning per line holding them; isolated NUL bytes likewise. Binary
 * files, and files that are neither UTF-8 nor GB18030, are refused.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new IngestError(file, "empty file (0 bytes)");
  const warnings: string[] = [];
  const mark = utf16Mark(bytes);
  if (mark && !strayMark(bytes.subarray(2))) return { text: new TextDecoder(mark).decode(bytes.subarray(2)), encoding: mark, warnings };
  if (mark) {
    warnings.push(`${file}:1: stray ${mark === "utf-16le" ? "FF FE" : "FE FF"} (a UTF-16 byte-order mark) before 8-bit text: ignored`);
    bytes = bytes.subarray(2);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding = bom ? "utf-8-bom" : "utf-8";
  const whole = utf8Text(body);
  // valid UTF-8 prints a control byte as that character: without one (almost every document) it holds no NUL and is not binary
  const nul = whole !== null && !CONTROL_CHARACTER.test(whole) ? [] : nulBytes(bytes);
  if (nul === null) throw new IngestError(file, "binary content (NUL or control bytes), not a text document");
  if (nul.length > 0) {
    warnings.push(
      ...replacementWarnings(
        file,
        linesOfOffsets(nul, (i) => bytes[i]),
        "NUL byte(s)",
      ),
    );
  }
  const fromNul = (text: string) => (nul.length === 0 ? text : text.replace(/\0/g, "\ufffd"));

  if (whole !== null) return { text: fromNul(whole), encoding, warnings };

  const { bad, multibyte } = scanUtf8(body);
  const tail = truncatedTail(body);
  // the only invalid sequence is a character cut at the end of the file
  if (tail > 0 && bad.length === 1 && bad[0] === body.length - tail) {
    const text = fromNul(utf8.decode(body.subarray(0, body.length - tail)));
    const [last] = linesOfOffsets([text.length], (i) => text.charCodeAt(i));
    warnings.push(`${file}:${last}: file ends in the middle of a UTF-8 character (${tail} byte(s) dropped): truncated?`);
    return { text, encoding, warnings };
  }
  // mostly valid UTF-8 (GBK text has invalid sequences nearly everywhere): keep every line
  if (mostlyUtf8(bad.length, multibyte)) {
    warnings.push(
      ...replacementWarnings(
        file,
        linesOfOffsets(bad, (i) => body[i]),
        "invalid UTF-8 byte sequence(s)",
      ),
    );
    return { text: fromNul(replacing.decode(body)), encoding, warnings };
  }

  if (bom) throw new IngestError(file, "starts with a UTF-8 byte-order mark but is not valid UTF-8");

  const gb = new TextDecoder("gb18030").decode(body);
  const replaced: number[] = [];
  for (let i = gb.indexOf("\ufffd"); i >= 0; i = gb.indexOf("\ufffd", i + 1)) replaced.push(i);
  if (replaced.length > gb.length * 0.01) {
    const [first] = linesOfOffsets(bad.slice(0, 1), (i) => body[i]);
    throw new IngestError(file, `neither UTF-8 nor GB18030/GBK text: unknown encoding (${bad.length} invalid UTF-8 sequences, the first on line ${first})`);
  }
  warnings.push(
    ...replacementWarnings(
      file,
      linesOfOffsets(replaced, (i) => gb.charCodeAt(i)),
      "byte sequence(s) invalid in GB18030",
    ),
  );
  return { text: fromNul(gb), encoding: "gb18030", warnings };
}

/** Split decoded text into lines, reporting the line-ending convention. */
export function splitLines(text: string): { lines: string[]; line_ending: string } {
  // no \r (almost every document): \n line ends or none, without a pass over the characters
  if (!text.includes("\r")) {
    const lines = text.split("\n");
    const line_ending = lines.length > 1 ? "lf" : "none";
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    return { lines, line_ending };
  }
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
