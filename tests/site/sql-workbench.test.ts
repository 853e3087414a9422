// SQL workbench modules that run without a browser: URL state, DuckDB error
// positions, the chart builder's specs, the exports and the gallery's queries
// (run on the extracted samples with @duckdb/node-api).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {beforeAll, describe, expect, test} from "vitest";
import {COUNT, chartSpec, defaultChoices} from "../../src/components/sql/chart-spec.ts";
import {errorPosition} from "../../src/components/sql/errors.ts";
import {toArrow, toCSV, toParquet} from "../../src/components/sql/export.ts";
import {EXAMPLES} from "../../src/components/sql/gallery.ts";
import {formatCell} from "../../src/components/sql/grid.ts";
import type {ResultField} from "../../src/components/sql/results.ts";
import {decodeState, encodeState, hasViewState, shareUrl, VIEW_KEYS} from "../../src/components/sql/share.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

const F = (name: string, kind: ResultField["kind"], scale?: number): ResultField => ({
  name,
  type: kind,
  kind,
  numeric: ["int", "bigint", "float", "decimal"].includes(kind),
  ...(scale !== undefined ? {scale} : {})
});

describe("URL state", () => {
  test("the view keys: a query or a chart choice is a view of its own, the data version alone is not; sql.md's inline script removes the picture on the same keys", () => {
    expect(hasViewState(decodeState("#v=abc"))).toBe(false);
    expect(hasViewState(decodeState("#sql="))).toBe(false);
    expect(hasViewState(decodeState("#%73ql=SELECT%201"))).toBe(true);
    expect(hasViewState(decodeState("#color=year&v=abc"))).toBe(true);
    const page = readFileSync(join(import.meta.dirname, "..", "..", "src", "sql.md"), "utf8");
    const inline = /<script>\{const view = [^\n]*?\[([^\]]+)\]\.some/.exec(page);
    expect(inline && JSON.parse(`[${inline[1]}]`)).toEqual([...VIEW_KEYS]);
  });
  test("round-trips a query with every awkward character", () => {
    const sql = "SELECT '信息化建设 & <b>#1</b> + 100%' AS \"x y\",\n  amount_wan -- ?a=b\nFROM line_items";
    const state = {sql, mark: "line" as const, x: "x y", y: "amount_wan", color: "年", facet: "doc_id"};
    const hash = encodeState(state);
    expect(hash).not.toMatch(/[\s#<>]/);
    expect(decodeState(`#${hash}`)).toEqual(state);
    expect(decodeState(new URL(shareUrl(state, "http://127.0.0.1:3000/sql")).hash)).toEqual(state);
  });

  test("ignores unknown keys and bad marks", () => {
    expect(decodeState("#sql=SELECT+1&mark=pie&evil=1")).toEqual({sql: "SELECT 1"});
    expect(decodeState("")).toEqual({});
  });
});

describe("DuckDB error positions", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await openCorpus();
  }, 120_000);

  async function messageOf(sql: string): Promise<string> {
    try {
      await corpus.rows(sql);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("query did not fail");
  }

  test("a syntax error on line 3 points at line 3 and the column DuckDB marks", async () => {
    const message = await messageOf("SELECT doc_id,\n  amount_wan\nFROMM line_items");
    expect(message).toMatch(/LINE 3:/);
    // "FROMM" reads as an alias: DuckDB marks the next token, line_items (column 7).
    expect(errorPosition(message)).toEqual({line: 3, column: 7});
  });

  test("a binder error names the line of the unknown column", async () => {
    const message = await messageOf("SELECT doc_id\nFROM line_items\nWHERE amount_wann > 1");
    expect(errorPosition(message)?.line).toBe(3);
    expect(errorPosition(message)?.column).toBe(7);
  });

  test("no position without LINE", () => {
    expect(errorPosition("Catalog Error: Table with name x does not exist!")).toBeNull();
  });

  describe("gallery", () => {
    test.each(EXAMPLES.map((e) => [e.id, e] as const))("%s runs on the samples and its chart fields exist", async (_id, example) => {
      const rows = await corpus.rows(example.sql);
      expect(rows.length).toBeGreaterThan(0);
      const columns = Object.keys(rows[0]);
      for (const key of ["x", "y", "color", "facet"] as const) {
        const name = example.chart?.[key];
        if (name && name !== COUNT) expect(columns, `${example.id}.${key}`).toContain(name);
      }
    });

    test("at least six examples answer research questions over the samples", () => {
      expect(EXAMPLES.filter((e) => !/range\(/.test(e.sql)).length).toBeGreaterThanOrEqual(6);
      expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    });

    test("信息化建设 share: Guizhou 2022 spent 4,825.77 万元, 72.80% of 21015 (6,628.39)", async () => {
      const rows = await corpus.rows(EXAMPLES.find((e) => e.id === "it-share")!.sql);
      const guizhou = rows.find((r) => String(r.document).startsWith("贵州省医疗保障局"))!;
      expect(guizhou).toMatchObject({it_wan: 4825.77, admin_wan: 6628.39, it_share_pct: 72.8, it_source_line: 776});
      expect(rows.find((r) => String(r.document).startsWith("达州"))).toMatchObject({it_wan: 0, admin_wan: 542.14});
    });

    test("largest 项: the Sichuan 2023 budget's 信息化建设 is 8,725.07 万元 (Σ of its units in 表1-2)", async () => {
      const rows = await corpus.rows(EXAMPLES.find((e) => e.id === "largest-items")!.sql);
      const sichuan = rows.filter((r) => r.entity === "四川省医疗保障局" && r.year === 2023);
      expect(sichuan[0]).toMatchObject({code: "2101504", amount_wan: 8725.07});
      expect(sichuan.length).toBe(5);
    });

    test("三公 by document: 达州 2023 决算 合计 5.17 万元", async () => {
      const rows = await corpus.rows(EXAMPLES.find((e) => e.id === "three-public")!.sql);
      expect(rows.find((r) => String(r.document).startsWith("达州") && r.measure === "three_public_total")).toMatchObject({amount_wan: 5.17});
    });
  });
});

describe("chart builder", () => {
  const fields = [F("entity", "string"), F("year", "int"), F("amount_wan", "float"), F("n", "bigint")];
  const rows = [
    {entity: "贵州省医疗保障局", year: 2022, amount_wan: 4825.77, n: 1},
    {entity: "四川省医疗保障局", year: 2023, amount_wan: 5930.18, n: 2}
  ];

  test("bar of y by x keeps the query order and formats money", () => {
    const spec = chartSpec(rows, fields, {mark: "bar", x: "entity", y: "amount_wan", color: "year"})!;
    expect(spec.mark).toEqual({type: "bar", tooltip: true});
    expect(spec.datasets).toEqual({result: rows});
    const enc = spec.encoding as Record<string, Record<string, unknown>>;
    expect(enc.x).toMatchObject({field: "entity", type: "nominal", sort: null});
    expect(enc.y).toMatchObject({field: "amount_wan", type: "quantitative", axis: {format: ",.2f"}});
    expect(enc.color).toMatchObject({field: "year", type: "nominal"});
  });

  test("count(), facet and missing choices", () => {
    const spec = chartSpec(rows, fields, {mark: "point", x: "entity", y: COUNT, facet: "year"})!;
    expect((spec.spec as {encoding: {y: unknown}}).encoding.y).toMatchObject({aggregate: "count"});
    expect(spec.facet).toMatchObject({field: "year"});
    expect(chartSpec(rows, fields, {mark: "bar", x: "entity"})).toBeNull();
    expect(chartSpec(rows, fields, {mark: "bar", x: "nope", y: "amount_wan"})).toBeNull();
  });

  test("defaults: first text column as x, first numeric as y; previous choices kept when valid", () => {
    expect(defaultChoices(fields)).toEqual({mark: "bar", x: "entity", y: "year", color: undefined, facet: undefined});
    expect(defaultChoices(fields, {mark: "line", x: "year", y: "amount_wan", color: "gone"})).toMatchObject({
      mark: "line",
      x: "year",
      y: "amount_wan",
      color: undefined
    });
  });
});

describe("grid formats", () => {
  test("money in 万元 with two decimals, years and lines plain, decimals at their scale", () => {
    expect(formatCell(F("amount_wan", "float"), 4825.77)).toBe("4,825.77");
    expect(formatCell(F("it_wan", "float"), 0)).toBe("0.00");
    expect(formatCell(F("year", "int"), 2022)).toBe("2022");
    expect(formatCell(F("source_line", "int"), 11876)).toBe("11876");
    expect(formatCell(F("findings", "bigint"), 12345)).toBe("12,345");
    expect(formatCell(F("x", "decimal", 2), 0.1)).toBe("0.10");
    expect(formatCell(F("x", "string"), "<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(formatCell(F("x", "string"), null)).toBe("");
  });
});

describe("exports", () => {
  const fields = [F("label", "string"), F("amount_wan", "float"), F("n", "bigint"), F("year", "int"), F("ok", "bool")];
  const rows = [
    {label: '信息化建设, "IT"\nline 2', amount_wan: 4825.77, n: 9007199254740991, year: 2022, ok: true},
    {label: null, amount_wan: null, n: null, year: null, ok: null},
    {label: "<img src=x onerror=alert(1)>", amount_wan: -0.01, n: 0, year: 2023, ok: false}
  ];

  test("CSV: BOM, header, quoting, empty cells for nulls", () => {
    const csv = toCSV(rows, fields);
    expect(csv.startsWith("\uFEFFlabel,amount_wan,n,year,ok\r\n")).toBe(true);
    expect(csv).toContain('"信息化建设, ""IT""\nline 2",4825.77,9007199254740991,2022,true\r\n');
    expect(csv).toContain(",,,,\r\n");
  });

  test("Arrow: read back with apache-arrow, types and values equal", () => {
    const table = tableFromIPC(toArrow(rows, fields));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["label:Utf8", "amount_wan:Float64", "n:Int64", "year:Int32", "ok:Bool"]);
    const back = table.toArray().map((r) => r.toJSON());
    expect(back.map((r) => ({...r, n: r.n == null ? null : Number(r.n)}))).toEqual(rows);
  });

  test("Parquet: read back with DuckDB, values equal", async () => {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const {mkdtempSync, writeFileSync} = await import("node:fs");
    const {tmpdir} = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "pq-")), "x.parquet");
    writeFileSync(path, toParquet(rows, fields));
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM '${path}'`)).getRowObjectsJS().map((r) => `${r.column_name}:${r.column_type}`);
    expect(types).toEqual(["label:VARCHAR", "amount_wan:DOUBLE", "n:BIGINT", "year:INTEGER", "ok:BOOLEAN"]);
    const back = (await conn.runAndReadAll(`SELECT * FROM '${path}'`)).getRowObjectsJS();
    expect(back.map((r) => ({...r, n: r.n == null ? null : Number(r.n)}))).toEqual(rows);
  });
});

test("the corpus table list of the notebook generator matches src/components/corpus.ts", async () => {
  const {CORPUS_TABLE_NAMES} = await import("../../src/components/sql/notebook.ts");
  const source = readFileSync(join(import.meta.dirname, "../../src/components/corpus.ts"), "utf-8");
  const names = [...source.matchAll(/^\s+(\w+): FileAttachment\(/gm)].map((m) => m[1]);
  expect(names).toEqual([...CORPUS_TABLE_NAMES]);
});
