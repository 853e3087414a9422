// Spool blocks → Arrow straight from the CSV bytes (write/csv-arrow.ts): the same record batches, byte for
// byte, as write/arrow.ts makes from the values themselves — tricky strings, nulls, exact doubles, batches of
// BATCH_ROWS rows across blocks.
import { Buffer } from "node:buffer";
import { RecordBatchStreamWriter, tableFromIPC, type RecordBatch } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { TableSpecOut } from "../../../loaders/schema/columns.ts";
import { arrowSchema, BATCH_ROWS, recordBatch } from "../../../loaders/write/arrow.ts";
import { CsvArrowBatches } from "../../../loaders/write/csv-arrow.ts";
import { cellValue, linePrefix, rowsToCsvBytes } from "../../../loaders/write/row-csv.ts";

const SPEC: TableSpecOut = {
  name: "residue",
  description: "test table",
  columns: [
    { name: "text", type: "string", description: "" },
    { name: "value", type: "double", description: "" },
    { name: "line", type: "int", description: "" },
    { name: "flag", type: "bool", description: "" },
    { name: "note", type: "string", description: "" },
  ],
};

const TRICKY = [
  'say "hi", twice',
  "line\nbreak",
  "crlf\r\nend",
  "",
  "NULL",
  "\\N",
  " lead and trail ",
  '"',
  '""',
  ",",
  "合  计\t１２３",
  "\u3000全角空格",
  "x".repeat(300),
];
const NUMBERS = [0.1 + 0.2, 5634.18, -3, 0, 1e21, 5e-324, 123456789.123456, 1234567890123456.8, -0.000123, 2 ** 53 + 2, Number.NaN, null, 7];

const rowsOf = (n: number, from = 0) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      text: i % 17 === 5 ? null : TRICKY[i % TRICKY.length],
      value: NUMBERS[i % NUMBERS.length],
      line: i % 11 === 3 ? null : i,
      flag: i % 7 === 0 ? null : i % 3 === 0,
      note: i % 5 === 0 ? { a: i } : `n${i}`,
    };
  });

/** What write/arrow.ts makes of the same rows (each value coerced as the spool coerces it). */
function expected(rows: object[]): RecordBatch[] {
  const schema = arrowSchema(SPEC);
  const batches: RecordBatch[] = [];
  for (let at = 0; at < rows.length; at += BATCH_ROWS) {
    const slice = rows.slice(at, at + BATCH_ROWS) as Array<Record<string, unknown>>;
    batches.push(
      recordBatch(
        schema,
        SPEC.columns.map((c) => slice.map((r) => cellValue(r[c.name], c.type))),
      ),
    );
  }
  return batches;
}

const ipc = (batches: RecordBatch[]) => {
  const writer = new RecordBatchStreamWriter();
  for (const b of batches) writer.write(b);
  writer.finish();
  return Buffer.from(writer.toUint8Array(true));
};

const block = (rows: object[], province: string | null, year: number | null) => rowsToCsvBytes(SPEC, rows, linePrefix(province, year));

describe("write/csv-arrow.ts", () => {
  it("gives the batches write/arrow.ts gives from the values, byte for byte", () => {
    const rows = rowsOf(200);
    const batches = new CsvArrowBatches(SPEC);
    batches.append(block(rows.slice(0, 120), '省"名', 2023));
    batches.append(block(rows.slice(120), null, null));
    const got = batches.finish();
    expect(ipc(got).equals(ipc(expected(rows)))).toBe(true);
    const table = tableFromIPC(ipc(got));
    expect(table.getChild("text")?.get(1)).toBe("line\nbreak");
    expect(table.getChild("value")?.get(0)).toBe(0.30000000000000004);
    expect(table.getChild("value")?.get(10)).toBe(null);
  });

  it("cuts batches of BATCH_ROWS rows whatever the blocks", () => {
    const rows = rowsOf(BATCH_ROWS + 1000);
    const batches = new CsvArrowBatches(SPEC);
    const taken: RecordBatch[] = [];
    for (let at = 0; at < rows.length; at += 7000) {
      batches.append(block(rows.slice(at, at + 7000), "四川省", 2021));
      taken.push(...batches.take());
    }
    taken.push(...batches.finish());
    expect(taken.map((b) => b.numRows)).toEqual([BATCH_ROWS, 1000]);
    expect(ipc(taken).equals(ipc(expected(rows)))).toBe(true);
  });

  it("has nothing to give for no rows", () => {
    const batches = new CsvArrowBatches(SPEC);
    batches.append(Buffer.alloc(0));
    expect(batches.finish()).toEqual([]);
  });
});
