// The gallery's panel queries (src/components/sql/gallery.ts) on the samples, with DuckDB in Node.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {EXAMPLES} from "../../src/components/sql/gallery.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await openCorpus();
}, 120_000);
afterAll(() => corpus?.conn.closeSync());

const run = (id: string) => corpus.rows(EXAMPLES.find((e) => e.id === id)!.sql);

describe("panel queries of the gallery", () => {
  test("budget vs final: 达州 2023 决算's “三公” table prints 预算数 5.17 and 决算数 5.17 on line 11876", async () => {
    const rows = await run("budget-vs-final");
    expect(rows.find((r) => r.entity_year === "达州市医疗保障局 2023" && r.measure === "“三公”经费合计")).toMatchObject({
      budget_wan: 5.17,
      final_wan: 5.17,
      execution_pct: 100,
      budget_line: 11876,
      final_line: 11876
    });
    expect(rows.every((r) => r.execution_pct === Math.round((10000 * (r.final_wan as number)) / (r.budget_wan as number)) / 100)).toBe(true);
  });

  test("人员经费 by province: bodies of different levels are never summed or compared", async () => {
    const rows = await run("personnel-by-province");
    const sichuan = rows.filter((r) => r.province === "四川省");
    expect(sichuan.map((r) => [r.level, r.phase, r.year, r.personnel_wan])).toEqual([
      ["city", "final", 2021, 834.54],
      ["city", "final", 2023, 793.87],
      ["province", "budget", 2023, 3389.38],
      ["province", "final", 2022, 1838.45]
    ]);
    // 乐山 2021 and 达州 2023 are two bodies: no change is computed between them
    expect(sichuan.every((r) => r.change_wan === null && r.bodies_compared === 0)).toBe(true);
    expect(rows.find((r) => r.province === "贵州省")).toMatchObject({level: "province", phase: "final", year: 2022, personnel_wan: 1100.33});
  });
});
