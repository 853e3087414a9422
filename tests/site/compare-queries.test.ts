// The Compare page's SQL (src/components/compare-queries.ts), run as-is with DuckDB in
// Node against the Parquet files that extractFiles + writeOutputs write for the sample
// documents. Every figure asserted here is read back from the document line it cites.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {extractFiles} from "../../loaders/extract.ts";
import {writeOutputs} from "../../loaders/write/outputs.ts";
import * as Q from "../../src/components/compare-queries.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOCUMENTS = join(ROOT, "data/documents");
const TABLES = ["documents", "tables", "line_items", "narrative_facts", "classifications"];

type Row = Record<string, unknown>;

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const texts = new Map<string, string[]>();
const docIds = new Map<string, string>(); // file prefix (001) → doc_id

async function run(sql: string): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Row[];
}

/** The printed line `n` (1-based) of a document. */
function line(docId: string, n: number): string {
  return texts.get(docId)![n - 1];
}

/** "580.8" → matches "580.80" / "580.8"; thousands separators allowed. */
function printed(value: number): RegExp {
  const [int, frac = ""] = value.toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",?");
  const tail = frac === "00" ? "(?:\\.00?)?" : frac.endsWith("0") ? `\\.${frac[0]}0?` : `\\.${frac}`;
  return new RegExp(`(^|[^\\d.])${grouped}${tail}(?![\\d])`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compare-queries-"));
  const extraction = extractFiles([DOCUMENTS], {
    root: DOCUMENTS,
    onDocument: (d) => {
      if (!d.source) return;
      texts.set(d.document.doc_id, d.source.lines);
      docIds.set(d.document.source_file.slice(0, 3), d.document.doc_id);
    }
  });
  await writeOutputs(dir, extraction);
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  for (const t of TABLES) await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
}, 120_000);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe("compare queries on the sample documents", () => {
  test("every query runs", async () => {
    for (const [name, sql] of Object.entries(Q)) {
      if (typeof sql !== "string") continue;
      const rows = await run(sql);
      expect(rows.length, name).toBeGreaterThan(0);
    }
  });

  test("达州 2023 决算: 210 卫生健康支出 in the 支出决算表 is 580.80 万元, printed on its line", async () => {
    const dazhou = docIds.get("001")!;
    const rows = await run(Q.EXPENDITURE_BY_CODE_SQL);
    const health = rows.find((r) => r.doc_id === dazhou && r.code === "210")!;
    expect(health).toMatchObject({level: 1, table_id: "财决公开03表", family: "final_expenditure_by_code", basis: "printed", name_zh: "卫生健康支出", name_en: "Health"});
    expect(health.amount_wan).toBeCloseTo(580.8, 6);
    const [lineNo] = health.lines as number[];
    expect(line(dazhou, lineNo)).toMatch(/^210\s*卫生健康支出/);
    expect(line(dazhou, lineNo)).toMatch(printed(580.8));
    // the total it is a share of: the 合计 row of the same table (1,198.42)
    expect(health.total_wan).toBeCloseTo(1198.42, 6);
    expect(line(dazhou, (health.total_lines as number[])[0])).toMatch(printed(1198.42));
    expect(health.share_of_total).toBeCloseTo(580.8 / 1198.42, 12);
    // the 款 21015 below it and its share of the 类
    const kuan = rows.find((r) => r.doc_id === dazhou && r.code === "21015")!;
    expect(kuan.amount_wan).toBeCloseTo(542.15, 6);
    expect(kuan.share_of_parent).toBeCloseTo(542.15 / 580.8, 12);
    expect(line(dazhou, (kuan.lines as number[])[0])).toMatch(printed(542.15));
  });

  test("贵州 2022 决算: 2101504 信息化建设 4,825.77 万元 = 72.80% of 款 21015 and 58.12% of total", async () => {
    const guizhou = docIds.get("004")!;
    const rows = await run(Q.FOCUS_LINES_SQL);
    const it = rows.find((r) => r.doc_id === guizhou && r.code === "2101504")!;
    expect(it.amount_wan).toBeCloseTo(4825.77, 6);
    expect(it.kuan_wan).toBeCloseTo(6628.39, 6);
    expect(it.total_wan).toBeCloseTo(8303.37, 6);
    expect(Number(it.share_of_21015)).toBeCloseTo(0.728, 3);
    expect(Number(it.share_of_total)).toBeCloseTo(0.5812, 4);
    expect(line(guizhou, (it.lines as number[])[0])).toMatch(/2101504/);
    expect(line(guizhou, (it.lines as number[])[0])).toMatch(printed(4825.77));
    expect(line(guizhou, (it.kuan_lines as number[])[0])).toMatch(printed(6628.39));
  });

  test("四川 2023 预算: the 部门支出总表 splits by unit, so a 项 is the sum of the units' rows", async () => {
    const budget = docIds.get("002")!;
    const rows = await run(Q.FOCUS_LINES_SQL);
    const it = rows.find((r) => r.doc_id === budget && r.code === "2101504")!;
    expect(it.basis).toBe("sum over units");
    const lines = it.lines as number[];
    expect(lines.length).toBe(3);
    // 8,030.43 + 630.64 + 64.00, each on its own unit row
    const values = [8030.43, 630.64, 64];
    lines.forEach((n, i) => expect(line(budget, n)).toMatch(printed(values[i])));
    expect(it.amount_wan).toBeCloseTo(8725.07, 6);
    // the total is the table's printed 合计 (17,863.04), not a sum
    expect(it.total_wan).toBeCloseTo(17863.04, 6);
    expect(line(budget, (it.total_lines as number[])[0])).toMatch(/合\s*计/);
    // 2101506 is printed once (one unit)
    const handling = rows.find((r) => r.doc_id === budget && r.code === "2101506")!;
    expect(handling.amount_wan).toBeCloseTo(304.58, 6);
  });

  test("基本 vs 项目 and 人员 vs 公用: table 合计 rows, else the prose", async () => {
    const dazhou = docIds.get("001")!;
    const leshan = docIds.get("003")!;
    const bp = await run(Q.BASIC_PROJECT_SQL);
    const basic = bp.find((r) => r.doc_id === dazhou && r.part === "basic")!;
    expect(basic).toMatchObject({basis: "table", table_id: "财决公开03表"});
    expect(basic.amount_wan).toBeCloseTo(881.1, 6);
    expect(line(dazhou, (basic.lines as number[])[0])).toMatch(printed(881.1));
    const leshanProject = bp.find((r) => r.doc_id === leshan && r.part === "project")!;
    expect(leshanProject.basis).toBe("prose");
    expect(leshanProject.amount_wan).toBeCloseTo(642.44, 6);
    expect(line(leshan, (leshanProject.lines as number[])[0])).toMatch(/642\.44/);

    const pp = await run(Q.PERSONNEL_PUBLIC_SQL);
    const personnel = pp.find((r) => r.doc_id === dazhou && r.part === "personnel")!;
    expect(personnel.amount_wan).toBeCloseTo(793.87, 6);
    expect(line(dazhou, (personnel.lines as number[])[0])).toMatch(printed(793.87));
    const shares = pp.filter((r) => r.doc_id === dazhou).reduce((s, r) => s + Number(r.share), 0);
    expect(shares).toBeCloseTo(1, 12);
  });

  test("“三公”: budget vs actual from the 三公 table; the prose where there is none", async () => {
    const guizhou = docIds.get("004")!;
    const leshan = docIds.get("003")!;
    const budget = docIds.get("002")!;
    const rows = await run(Q.THREE_PUBLIC_SQL);
    const total = rows.find((r) => r.doc_id === guizhou && r.part === "three_public_total")!;
    expect(total.budget_wan).toBeCloseTo(4.74, 6);
    expect(total.final_wan).toBeCloseTo(4.74, 6);
    expect(line(guizhou, Number(total.final_line))).toMatch(printed(4.74));
    const reception = rows.find((r) => r.doc_id === budget && r.part === "official_reception")!;
    expect(reception.budget_wan).toBeCloseTo(5.16, 6);
    expect(reception.final_wan).toBeNull();
    const leshanTotal = rows.find((r) => r.doc_id === leshan && r.part === "three_public_total")!;
    expect(leshanTotal.basis).toBe("prose");
    expect(leshanTotal.final_wan).toBeCloseTo(4.68, 6);
    expect(line(leshan, Number(leshanTotal.final_line))).toMatch(/4\.68/);
  });

  test("完成预算 % by line and the year-on-year pairs from derived figures", async () => {
    const guizhou = docIds.get("004")!;
    const completion = await run(Q.COMPLETION_SQL);
    const it = completion.find((r) => r.doc_id === guizhou && r.code === "2101504")!;
    expect(it.completion_pct).toBeCloseTo(67.59, 6);
    expect(it.name_zh).toBe("信息化建设");
    expect(line(guizhou, Number(it.source_line))).toMatch(/67\.59/);

    const yoy = await run(Q.YEAR_ON_YEAR_SQL);
    const gpb = yoy.find((r) => r.doc_id === guizhou && r.subject === "一般公共预算财政拨款支出")!;
    expect(gpb).toMatchObject({earlier_year: 2021, current_year: 2022});
    expect(gpb.earlier_wan).toBeCloseTo(11587.36, 6); // derived: 8303.37 + 3283.99
    expect(gpb.current_wan).toBeCloseTo(8303.37, 6);
    expect(gpb.change_wan).toBeCloseTo(-3283.99, 6);
    expect(line(guizhou, (gpb.current_lines as number[])[0])).toMatch(printed(8303.37));
    expect(line(guizhou, (gpb.earlier_lines as number[])[0])).toMatch(printed(3283.99));
  });

  test("the queries are plain strings the browser can run (no Node-only syntax)", () => {
    const source = readFileSync(join(ROOT, "src/components/compare-queries.ts"), "utf-8");
    expect(source).not.toMatch(/from ["']node:/);
    expect(source).not.toMatch(/read_parquet|\.parquet/);
  });
});
