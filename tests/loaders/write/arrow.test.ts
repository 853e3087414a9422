// Arrow IPC writing (write/arrow.ts), read back with apache-arrow: schema from the table spec,
// values and nulls as given, batches of a fixed size, an empty table still has its schema.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { TableSpecOut } from "../../../loaders/schema/columns.ts";
import { writeArrowFiles } from "../../../loaders/write/arrow.ts";
import { cellValue } from "../../../loaders/write/row-csv.ts";

const SPEC: TableSpecOut = {
  name: "line_items", // any output name: the columns below are what is written
  description: "test table",
  columns: [
    { name: "code", type: "string", description: "" },
    { name: "value", type: "double", description: "" },
    { name: "source_line", type: "int", description: "" },
    { name: "inferred", type: "bool", description: "" },
  ],
};

async function* batches(...list: unknown[][][]) {
  yield* list;
}

describe("write/arrow.ts", () => {
  it("writes the file and stream formats with the spec's types; values and nulls read back as written", async () => {
    const base = join(mkdtempSync(join(tmpdir(), "arrow-")), "t");
    const files = await writeArrowFiles(base, SPEC, batches(
      [["2080505", null], [5634.18, 0], [87, 2155], [false, null]],
      [["201"], [8303.37], [144], [true]],
    ));
    expect(files).toEqual([`${base}.arrow`, `${base}.arrows`]);
    for (const file of files) {
      const table = tableFromIPC(readFileSync(file));
      expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["code:Utf8", "value:Float64", "source_line:Int32", "inferred:Bool"]);
      expect(table.numRows).toBe(3);
      expect(table.batches.map((b) => b.numRows)).toEqual([2, 1]);
      expect(table.toArray().map((r) => ({ ...r.toJSON() }))).toEqual([
        { code: "2080505", value: 5634.18, source_line: 87, inferred: false },
        { code: null, value: 0, source_line: 2155, inferred: null },
        { code: "201", value: 8303.37, source_line: 144, inferred: true },
      ]);
    }
    expect(readFileSync(`${base}.arrow`).subarray(0, 6).toString()).toBe("ARROW1");
  });

  it("an empty table keeps its schema", async () => {
    const base = join(mkdtempSync(join(tmpdir(), "arrow-")), "empty");
    await writeArrowFiles(base, SPEC, batches());
    const table = tableFromIPC(readFileSync(`${base}.arrows`));
    expect([table.numRows, table.schema.fields.map((f) => f.name)]).toEqual([0, ["code", "value", "source_line", "inferred"]]);
  });
});

describe("write/row-csv.ts cellValue", () => {
  it("coerces a cell to its column type: missing and non-finite numbers are null, objects become JSON text", () => {
    expect([cellValue(undefined, "double"), cellValue(null, "string"), cellValue(Number.NaN, "double"), cellValue("12.5", "double")]).toEqual([null, null, null, 12.5]);
    expect([cellValue([87, 88], "string"), cellValue(1, "bool"), cellValue(0, "bool"), cellValue("文本", "string")]).toEqual(["[87,88]", true, false, "文本"]);
  });
});
