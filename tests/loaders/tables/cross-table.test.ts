/**
 * The two passes over a document's tables (loaders/tables/cross-table.ts),
 * on sample 001 (a Sichuan final account): the first pass leaves exactly
 * the rows that depend on another table pending; the second settles them
 * with that table's evidence, a pending evidence table first.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../loaders/ingest/read.ts";
import type { TableParse, TableReading, TableSection } from "../../../loaders/schema/types.ts";
import { findTables } from "../../../loaders/segment/tables.ts";
import { isPending, readAlone, settlePending } from "../../../loaders/tables/cross-table.ts";

const doc = readDocument(resolve(import.meta.dirname, "../../../data/documents/001_a0d178c95672dbf5.txt"));
const sections = findTables(doc.lines, "万元");
const first = readAlone(doc, sections);
const settled = settlePending(sections, first);
const byId = (id: string) => sections.find((s) => s.table_id === id)!;
const parse = (id: string): TableParse => {
  const r = settled.get(byId(id));
  if (!r || r instanceof Error) throw new Error(`${id} not read`);
  return r;
};
const at = (id: string, line: number, column_label: string) => parse(id).items.find((i) => i.source_line === line && i.column_label === column_label);

describe("first pass: each table on its own", () => {
  it("leaves pending exactly the three tables whose rows need another table, naming the rows and the tables", () => {
    const pending = [...first].flatMap(([s, r]) => (!(r instanceof Error) && isPending(r) ? [[s.table_id, r.pending.rows, r.pending.needs.join(",")]] : []));
    expect(pending).toEqual([
      ["财决公开02表", "合计 row (line 10816) with vanished cells", "final_summary"],
      ["财决公开05表", "合计 row (line 11027) with vanished cells", "final_fiscal_summary"],
      ["财决公开13表", "line 11876: vanished cells", "final_fiscal_summary,final_fiscal_detail"],
    ]);
  });

  it("settles every other table in the first pass: the second pass hands back the same reading", () => {
    const s = byId("财决公开01表");
    expect(isPending(first.get(s) as TableReading)).toBe(false);
    expect(settled.get(s)).toBe(first.get(s));
  });
});

describe("second pass: pending rows settled with the other tables' evidence", () => {
  it("reads 02表's 合计 row (1358.87 1198.41 160.45, line 10816) by the income sources of 收入支出决算总表", () => {
    expect(at("财决公开02表", 10816, "财政拨款收入")).toMatchObject({ value: 1198.41, rule: "shift:total-row:收入支出决算总表", inferred: true });
    expect(at("财决公开02表", 10816, "其他收入")).toMatchObject({ value: 160.45, rule: "shift:total-row:收入支出决算总表" });
  });

  it("reads 05表's 合计 row (line 11027) by the funds of 财政拨款收入支出决算总表", () => {
    expect(at("财决公开05表", 11027, "项目支出")).toMatchObject({ value: 317.32, rule: "shift:total-row:财政拨款收入支出决算总表" });
  });

  it("places 13表's 运行维护费 4.01 (line 11876) by the empty 31013 row of 05表, itself settled first", () => {
    expect(at("财决公开13表", 11876, "决算数 公务用车运行维护费")).toMatchObject({
      value: 4.01,
      rule: "three-public:identities+part<=whole+fund-without-appropriation:财政拨款收入支出决算总表+empty-economic-row:财政拨款支出决算明细表",
    });
    expect(at("财决公开13表", 11876, "决算数 公务用车购置费")).toBeUndefined();
  });

  it("fails a pending reading that reads a table it did not name, and only that table", () => {
    const s05 = byId("财决公开05表");
    const r = first.get(s05) as TableReading;
    if (!isPending(r)) throw new Error("05表 should be pending");
    const wrong = new Map<TableSection, TableReading | Error>(first);
    wrong.set(s05, { pending: { ...r.pending, needs: ["final_summary"] } });
    const out = settlePending(sections, wrong);
    expect((out.get(s05) as Error).message).toBe("财决公开05表 reads final_fiscal_summary, which its pending reading did not name");
    // 13表 reads 05表's reading: it fails the same way; 02表 does not
    expect((out.get(byId("财决公开13表")) as Error).message).toBe("财决公开05表 reads final_fiscal_summary, which its pending reading did not name");
    expect(out.get(byId("财决公开02表"))).not.toBeInstanceOf(Error);
  });
});
