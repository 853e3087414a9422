// Notebooks: the generator's pages only import modules that exist and keep user text
// inert; the scaffold script works; the two analyses' queries give the numbers
// their findings are written from (run with @duckdb/node-api on the samples).
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {notebookPages} from "../../scripts/notebooks.ts";
import {notebookOfPage} from "../../src/components/notebook/from-page.ts";
import {escapeMarkdown, notebookFileName, notebookMarkdown, tablesIn} from "../../src/components/sql/notebook.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const NOTEBOOKS = join(ROOT, "src/notebooks");

/** Relative imports of a page's ```js blocks must resolve to files in src/ (.js → .ts). */
function missingImports(markdown: string, pageDir: string): string[] {
  const missing: string[] = [];
  for (const block of markdown.matchAll(/```js\n([\s\S]*?)```/g)) {
    for (const m of block[1].matchAll(/from\s+"([^"]+)"/g)) {
      const spec = m[1];
      if (!spec.startsWith(".")) {
        missing.push(`bare import ${spec} (pages import node_modules only through src/components)`);
        continue;
      }
      const file = resolve(pageDir, spec);
      if (!existsSync(file) && !existsSync(file.replace(/\.js$/, ".ts"))) missing.push(spec);
    }
  }
  return missing;
}

/** `const NAME_SQL = \`…\`;` blocks of a notebook page. */
function sqlOf(markdown: string): Record<string, string> {
  return Object.fromEntries([...markdown.matchAll(/const (\w+_SQL) = `([\s\S]*?)`;/g)].map((m) => [m[1], m[2]]));
}

describe("notebook generator", () => {
  const evil = "SELECT '</script><img src=x onerror=alert(1)> ${alert(2)} ```' AS x";
  const page = notebookMarkdown({
    title: "<img src=x onerror=alert(1)> ${1+1}",
    sql: evil,
    chart: {mark: "bar", x: "x", y: "count()"},
    date: new Date("2025-01-02T00:00:00Z")
  });

  test("imports only modules that exist, from src/notebooks/", () => {
    expect(missingImports(page, NOTEBOOKS)).toEqual([]);
    expect(page).not.toMatch(/npm:|https?:\/\/(?!vega\.github\.io)/);
  });

  test("the notebook is embedded as an inert JSON string and the query shown in a fence it cannot close", () => {
    const line = page.split("\n").find((l) => l.startsWith("const NOTEBOOK = "))!;
    expect(line).not.toContain("</script>");
    const notebook = JSON.parse(line.slice("const NOTEBOOK = ".length, -1));
    expect(notebook.cells).toEqual([
      {id: "c2", kind: "sql", name: "q1", sql: evil},
      {id: "c3", kind: "chart", source: "q1", mark: "bar", x: "x", y: "count()"}
    ]);
    expect(page).toContain("````sql run=false\n" + evil + "\n````");
    expect(notebookOfPage(page)).toEqual({title: "<img src=x onerror=alert(1)> ${1+1}", cells: notebook.cells});
  });

  test("the title is escaped for Markdown/HTML and for Framework's ${…}", () => {
    expect(page).toContain('title: "<img src=x onerror=alert(1)> ${1+1}"'); // YAML string: data, not markup
    const heading = page.split("\n").find((l) => l.startsWith("# "))!;
    expect(heading).not.toMatch(/[<>$]/);
    expect(escapeMarkdown("a<b>$c")).toBe("a&#60;b&#62;&#36;c");
  });

  test("loads only the tables the query names; file names are ASCII slugs", () => {
    expect(tablesIn("SELECT * FROM line_items JOIN documents USING (doc_id)")).toEqual(["documents", "line_items"]);
    expect(tablesIn("SELECT 1")).toEqual([]);
    // names in comments and string literals do not count; quoted identifiers do; longer identifiers are not the table
    expect(tablesIn("SELECT 'documents' AS t -- residue\nFROM \"checks\" /* panel */")).toEqual(["checks"]);
    expect(tablesIn("SELECT tables_found, line_items_count FROM documents")).toEqual(["documents"]);
    expect(notebookFileName("信息化建设 as a share!")).toBe("as-a-share.md");
    expect(notebookFileName("信息化", new Date("2025-01-02T00:00:00Z"))).toBe("query-2025-01-02.md");
  });

  test("the shipped notebooks and the template import only existing modules", () => {
    for (const name of ["it-spending.md", "contradictions.md"]) expect(missingImports(readFileSync(join(NOTEBOOKS, name), "utf-8"), NOTEBOOKS), name).toEqual([]);
    expect(missingImports(readFileSync(join(ROOT, "scripts/notebook-template.md"), "utf-8"), NOTEBOOKS)).toEqual([]);
  });

  test("npm run new:notebook scaffolds a page from the template", () => {
    const dir = mkdtempSync(join(tmpdir(), "nb-"));
    const run = spawnSync("node", ["scripts/new-notebook.mjs", "my-question", "My", "question", "--dir", dir], {cwd: ROOT, encoding: "utf-8"});
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(dir, "my-question.md"), "utf-8");
    expect(text).toMatch(/^---\ntitle: "My question"\n/);
    expect(text).toContain("# My question");
    expect(missingImports(text, NOTEBOOKS)).toEqual([]);
    expect(run.stdout).toContain("http://127.0.0.1:3000/notebooks/my-question");
    // No config edit: the folder is listed by itself (sidebar, /notebooks/, the editor's Open list).
    expect(notebookPages(dir).map(({path, title}) => ({path, title}))).toEqual([{path: "/notebooks/my-question", title: "My question"}]);
    expect(spawnSync("node", ["scripts/new-notebook.mjs", "Bad Name"], {cwd: ROOT}).status).toBe(2);
    expect(dirname(join(dir, "x"))).toBe(dir);
  });
});

describe("the analyses' numbers", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await openCorpus();
  }, 120_000);

  test("template query runs", async () => {
    const sql = sqlOf(readFileSync(join(ROOT, "scripts/notebook-template.md"), "utf-8"));
    for (const text of Object.values(sql)) expect((await corpus.rows(text)).length).toBeGreaterThan(0);
  });

  test("信息化建设: Guizhou 4,825.77 万元 (72.80%, 67.59% of 7,140 budget), Sichuan 2022 4,168.24, Dazhou none", async () => {
    const sql = sqlOf(readFileSync(join(NOTEBOOKS, "it-spending.md"), "utf-8"));
    expect(Object.keys(sql)).toEqual(["IT_SQL", "CHECK_SQL", "TARGETS_SQL"]);
    const it = await corpus.rows(sql.IT_SQL);
    expect(it).toHaveLength(5);
    const by = (prefix: string) => it.find((r) => String(r.document).startsWith(prefix))!;
    expect(by("贵州省医疗保障局")).toMatchObject({it_wan: 4825.77, admin_wan: 6628.39, it_share_pct: 72.8, completion_pct: 67.59, budget_wan: 7140, source_line: 776});
    expect(by("四川省医疗保障局 2022")).toMatchObject({it_wan: 4168.24, it_share_pct: 60.49, completion_pct: 58.88, source_line: 191});
    expect(by("四川省医疗保障局 2023")).toMatchObject({it_wan: 5930.18, it_share_pct: 50.35});
    expect(by("四川省乐山市")).toMatchObject({it_wan: 6.24, it_share_pct: 0.61});
    expect(by("达州")).toMatchObject({it_wan: 0, admin_wan: 542.14});
    // The page's "largest" sentence picks the 2023 budget (5,930.18) above Guizhou's 决算.
    expect(Math.max(...it.map((r) => Number(r.it_wan)))).toBe(5930.18);

    const check = await corpus.rows(sql.CHECK_SQL);
    expect(check.find((r) => String(r.document).startsWith("贵州"))).toMatchObject({prose_wan: 4825.77, table_wan: 4825.77, difference_wan: 0});
    expect(check.find((r) => r.column_label === "合计")).toMatchObject({table_wan: 8725.07, difference_wan: 2794.89});

    const targets = await corpus.rows(sql.TARGETS_SQL);
    const missed = targets.filter((r) => r.met === false);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.some((r) => r.indicator === "医保信息化建设资金")).toBe(true);
  });

  test("contradictions: counts by rule add up to the checks table; 达州 has the most errors", async () => {
    const sql = sqlOf(readFileSync(join(NOTEBOOKS, "contradictions.md"), "utf-8"));
    const byRule = await corpus.rows(sql.BY_RULE_SQL);
    const [{n}] = await corpus.rows("SELECT count(*) AS n FROM checks");
    expect(byRule.reduce((s, r) => s + Number(r.findings), 0)).toBe(n);
    const docs = await corpus.rows(sql.DOCS_SQL);
    expect(docs).toHaveLength(5);
    expect(String(docs[0].document)).toMatch(/^达州市医疗保障局/);
    expect(docs[0].errors).toBe(Math.max(...docs.map((d) => Number(d.errors))));
    const breaks = await corpus.rows(sql.FINDINGS_SQL);
    const [{m}] = await corpus.rows("SELECT count(*) AS m FROM checks WHERE severity IN ('error', 'warning')");
    expect(breaks).toHaveLength(Number(m));
    for (const b of breaks) expect(JSON.parse(String(b.source_lines)).length, String(b.message)).toBeGreaterThan(0);
  });
});
