/**
 * An output folder that is up to date is left as it is: after writing, a
 * batch records what the files were made from (the parser version, the
 * formats, every input's name and SHA-256 in order: the outputs are a
 * function of these alone, write/corpus.ts) and each file it wrote with its
 * size and modification time. A rerun on the same inputs into that folder
 * whose files are all still as written skips the writers; any difference
 * (another input, another order, another parser or format, a file changed,
 * added under partitioned/ or removed) writes everything again.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The record, in the output folder (a dot-file: not an output; the site archive leaves it out). */
export const MANIFEST = ".extract-manifest.json";

interface Manifest {
  inputs: string;
  files: Array<[string, number, number]>;
  written: string[];
}

/** The hash of what the outputs are made from. */
export function inputsKey(parser: string, formats: readonly string[], inputs: ReadonlyArray<{ source_file: string; sha256: string }>): string {
  const hash = createHash("sha256").update(`${parser}\n${[...formats].sort().join(",")}\n`);
  for (const d of inputs) hash.update(`${d.source_file}\0${d.sha256}\n`);
  return hash.digest("hex");
}

/** Every file under the written paths, with its size and modification time, sorted. */
function filesOf(outDir: string, written: readonly string[]): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  const walk = (path: string) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else out.push([relative(outDir, path), st.size, st.mtimeMs]);
  };
  for (const path of written) walk(path);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The files written before, if the folder holds exactly what these inputs give; else null (and the record is removed). */
export function upToDate(outDir: string, inputs: string): string[] | null {
  const path = join(outDir, MANIFEST);
  let manifest: Manifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return null;
  }
  rmSync(path, { force: true });
  const written = manifest.written.map((w) => join(outDir, w));
  if (manifest.inputs !== inputs || JSON.stringify(filesOf(outDir, written)) !== JSON.stringify(manifest.files)) return null;
  writeFileSync(path, JSON.stringify(manifest));
  return written;
}

/** Record what the folder's files were made from (after they were all written). */
export function recordOutputs(outDir: string, inputs: string, written: readonly string[]): void {
  const manifest: Manifest = { inputs, files: filesOf(outDir, written), written: written.map((w) => relative(outDir, w)) };
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest));
}
