/**
 * The parsing library's folders import only downward. Each folder of
 * loaders/ has a layer; a module may import its own folder or a folder of
 * a lower layer, never a higher one (files directly in loaders/ are the
 * pipeline, extract.ts, except cli.ts, the top), and two folders of the same layer may
 * not import each other both ways (a cycle). The imports are read from the
 * source text (static `import … from`, `export … from` and `import()`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const LOADERS = join(ROOT, "loaders");

/** Lower number = lower layer. Files directly in loaders/: "(pipeline)", cli.ts "(cli)". */
const LAYER: Record<string, number> = {
  base: 0, // text folding, money: no imports
  schema: 1, // the output contract, the code book
  regions: 2, // administrative divisions (region codes)
  ingest: 2, // bytes → decoded lines (text, PDF)
  document: 3, // metadata, units, page markers
  segment: 4, // sections, 绩效 blocks, prose lines, the table catalogue
  tables: 5, // standard table parsers, the placement solver
  prose: 5,
  performance: 5,
  audit: 6,
  panel: 7, // entities and panel across documents
  write: 8, // Arrow, Parquet, CSV writers
  "(pipeline)": 9, // extract.ts (the pipeline), coverage.ts
  batch: 10, // many files, workers, cache: runs the pipeline
  site: 10, // the site's data: runs the pipeline
  "(cli)": 11, // cli.ts: the commands
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

const folderOf = (file: string): string => {
  const rel = relative(LOADERS, file).split("/");
  return rel.length > 1 ? rel[0] : rel[0] === "cli.ts" ? "(cli)" : "(pipeline)";
};

const IMPORT = /(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Folder-level import edges: [from, to, file, specifier]. */
function edges(): Array<[string, string, string, string]> {
  const out: Array<[string, string, string, string]> = [];
  for (const file of files(LOADERS)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(LOADERS)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push([from, to, relative(ROOT, file), spec]);
    }
  }
  return out;
}

describe("loaders/ layers", () => {
  const all = edges();

  it("every folder of loaders/ has a layer", () => {
    const folders = new Set(files(LOADERS).map(folderOf));
    expect([...folders].filter((f) => !(f in LAYER))).toEqual([]);
  });

  it("reads real imports (tables/ imports segment/, the pipeline imports audit/)", () => {
    expect(all.some(([from, to]) => from === "tables" && to === "segment")).toBe(true);
    expect(all.some(([from, to]) => from === "(pipeline)" && to === "audit")).toBe(true);
  });

  it("no folder imports a folder above it", () => {
    const upward = all.filter(([from, to]) => LAYER[to] > LAYER[from]).map(([from, to, file, spec]) => `${file} (${from}) imports ${spec} (${to})`);
    expect(upward).toEqual([]);
  });

  it("no two folders import each other", () => {
    const pairs = new Set(all.map(([from, to]) => `${from}→${to}`));
    const cycles = [...pairs].filter((p) => {
      const [from, to] = p.split("→");
      return pairs.has(`${to}→${from}`);
    });
    expect(cycles).toEqual([]);
  });
});
