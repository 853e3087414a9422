/**
 * The site's corpus archive as a tar (POSIX ustar), written as a stream and read
 * member by member without loading it: Framework extracts the members a page names
 * (data/corpus/<table>.arrows …) by reading the archive from its start up to the
 * member, so small and often-named members go first; the post-build step
 * (scripts/doc-files.ts) seeks past every member but the documents' own files.
 * A zip had to be built in memory and was read whole once per named member:
 * at 1,000 documents, 46 reads of 1.7 GB.
 * Deterministic: fixed mtime, mode, owner; the same members give the same bytes.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const BLOCK = 512;
/** 2000-01-01T00:00:00Z: a fixed timestamp keeps the archive byte-identical from run to run. */
const MTIME = 946684800;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function field(header: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new Error(`tar: "${value}" does not fit in ${length} bytes`);
  header.set(bytes, offset);
}

const octal = (n: number, digits: number) => n.toString(8).padStart(digits, "0");

/** The 512-byte header of a regular file. Names up to 255 bytes (prefix/name split at a slash). */
export function tarHeader(name: string, size: number): Uint8Array {
  const header = new Uint8Array(BLOCK);
  let prefix = "";
  let rest = name;
  if (encoder.encode(name).length > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || encoder.encode(name.slice(cut + 1)).length > 100) throw new Error(`tar: name too long: ${name}`);
    prefix = name.slice(0, cut);
    rest = name.slice(cut + 1);
  }
  field(header, 0, 100, rest);
  field(header, 100, 8, `${octal(0o644, 7)}\0`);
  field(header, 108, 8, `${octal(0, 7)}\0`);
  field(header, 116, 8, `${octal(0, 7)}\0`);
  field(header, 124, 12, `${octal(size, 11)}\0`);
  field(header, 136, 12, `${octal(MTIME, 11)}\0`);
  field(header, 148, 8, "        ");
  field(header, 156, 1, "0");
  field(header, 257, 8, "ustar\u000000");
  field(header, 345, 155, prefix);
  let sum = 0;
  for (const b of header) sum += b;
  field(header, 148, 8, `${octal(sum, 6)}\0 `);
  return header;
}

/** Zero bytes that pad a member of `size` bytes to a whole block. */
export const tarPadding = (size: number) => new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
/** Two zero blocks end an archive. */
export const TAR_END = new Uint8Array(2 * BLOCK);

/** Writes tar members to a sink (e.g. the data loader's standard output), one at a time. */
export class TarWriter {
  constructor(private readonly write: (chunk: Uint8Array) => Promise<void> | void) {}
  async add(name: string, bytes: Uint8Array): Promise<void> {
    await this.write(tarHeader(name, bytes.length));
    await this.write(bytes);
    const pad = tarPadding(bytes.length);
    if (pad.length) await this.write(pad);
  }
  async end(): Promise<void> {
    await this.write(TAR_END);
  }
}

/** Calls `onMember` with each member's name; the member's bytes are read only when it asks for them. */
export function readTar(path: string, onMember: (name: string, read: () => Uint8Array) => void): void {
  const fd = openSync(path, "r");
  try {
    const total = fstatSync(fd).size;
    const header = new Uint8Array(BLOCK);
    let position = 0;
    while (position + BLOCK <= total) {
      readSync(fd, header, 0, BLOCK, position);
      if (header.every((b) => b === 0)) break;
      const text = (offset: number, length: number) => decoder.decode(header.subarray(offset, offset + length)).replace(/\0.*$/s, "");
      const prefix = text(345, 155);
      const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
      const size = Number.parseInt(text(124, 12).trim() || "0", 8);
      const start = position + BLOCK;
      if (!Number.isFinite(size) || start + size > total) throw new Error(`${path}: truncated tar member ${name}`);
      if (text(156, 1) === "0" || text(156, 1) === "") {
        onMember(name, () => {
          const bytes = new Uint8Array(size);
          readSync(fd, bytes, 0, size, start);
          return bytes;
        });
      }
      position = start + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
  } finally {
    closeSync(fd);
  }
}
