import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractFiles, type Extraction } from "../../../loaders/extract.ts";
import { bareName, statedRenames } from "../../../loaders/panel/names.ts";
import { DOCS, ROOT, SAMPLE } from "../helpers.ts";

let corpus: Extraction;
beforeAll(() => {
  corpus = extractFiles([DOCS], { root: DOCS });
}, 60_000);

const docOf = (x: Extraction, path: string) => x.documents.find((d) => path.endsWith(d.source_file))!;
const entityOf = (x: Extraction, id: string | null) => x.entities.find((e) => e.entity_id === id)!;
const row = (x: Extraction, entity_id: string, year: number, phase: string, measure: string) =>
  x.panel.find((p) => p.entity_id === entity_id && p.year === year && p.phase === phase && p.measure === measure)!;
/** Shift every year printed in a text by `by` (2021年 → 2022年). */
const shiftYears = (text: string, by: number) => text.replace(/20[12]\d/g, (y) => String(Number(y) + by));

describe("四川省医疗保障局: one body at two scopes", () => {
  it("gives the 2023 department budget and the 2022 unit accounts two entity ids, the unit's parent being the department", () => {
    const budget = docOf(corpus, SAMPLE.sichuan2023budget);
    const unit = docOf(corpus, SAMPLE.sichuan2022unit);
    expect(budget.entity_id).not.toBeNull();
    expect(unit.entity_id).not.toBeNull();
    expect(unit.entity_id).not.toBe(budget.entity_id);
    expect(entityOf(corpus, budget.entity_id)).toMatchObject({
      name: "四川省医疗保障局",
      scope: "department",
      region_code: "510000",
      parent_id: null,
      documents: 1,
    });
    expect(entityOf(corpus, unit.entity_id)).toMatchObject({
      name: "四川省医疗保障局",
      scope: "unit",
      region_code: "510000",
      parent_id: budget.entity_id,
      documents: 1,
    });
    expect(entityOf(corpus, unit.entity_id).parent_rule).toMatch(/department of the same name/);
  });

  it("never puts them in one series: each entity's rows come from its own document", () => {
    const budget = docOf(corpus, SAMPLE.sichuan2023budget);
    const unit = docOf(corpus, SAMPLE.sichuan2022unit);
    const docsOf = (id: string | null) => new Set(corpus.panel.filter((p) => p.entity_id === id).map((p) => p.doc_id));
    expect([...docsOf(budget.entity_id)]).toEqual([budget.doc_id]);
    expect([...docsOf(unit.entity_id)]).toEqual([unit.doc_id]);
    // the department's 2023 budget 基本支出, as printed in 表1-2 line 145
    expect(row(corpus, budget.entity_id!, 2023, "budget", "basic")).toMatchObject({
      amount_wan: 4584.79,
      table_id: "表1-2",
      source_line: 145,
      derived: false,
      basis: "table",
    });
  });

  it("gives 贵州省医疗保障局（本级） a department parent known only from its 本级 marker", () => {
    const gz = entityOf(corpus, docOf(corpus, SAMPLE.guizhou2022).entity_id);
    expect(gz).toMatchObject({ name: "贵州省医疗保障局", scope: "unit", region_code: "520000" });
    expect(entityOf(corpus, gz.parent_id)).toMatchObject({ name: "贵州省医疗保障局", scope: "department", documents: 0, match_rule: "parent_only" });
  });

  it("fills an earlier year with the figures a document states, marked derived, only where no document of that year exists", () => {
    const leshan = docOf(corpus, SAMPLE.leshan2021);
    // 003 line 98: 2020年收支总计1254.66万元 (the 2021 accounts compare with 2020)
    expect(row(corpus, leshan.entity_id!, 2020, "final", "grand_total")).toMatchObject({
      amount_wan: 1254.66,
      derived: true,
      doc_id: leshan.doc_id,
      doc_year: 2021,
      source_line: 98,
    });
    expect(row(corpus, leshan.entity_id!, 2021, "final", "grand_total")).toMatchObject({ amount_wan: 1826.79, derived: false });
  });
});

describe("renamings and variants across years", () => {
  let dir: string;
  let x: Extraction;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "panel-renamed-"));
    const text = readFileSync(SAMPLE.leshan2021, "utf8");
    writeFileSync(join(dir, "a_2021.txt"), text);
    // a year later, renamed, and the text says so
    const renamed = shiftYears(text, 1).replaceAll("乐山市医疗保障局", "乐山市医疗保障委员会");
    const statement = "2022年，乐山市医疗保障局更名为乐山市医疗保障委员会。\n";
    writeFileSync(join(dir, "b_2022.txt"), renamed.replace("## 第一部分 部门概况", `## 第一部分 部门概况\n\n${statement}`));
    // two years later, renamed again but without saying so: never merged by guess
    writeFileSync(join(dir, "c_2023.txt"), shiftYears(text, 2).replaceAll("乐山市医疗保障局", "乐山市医疗保险事务局"));
    x = extractFiles([dir], { root: dir });
  }, 60_000);

  it("joins the renamed copy into one entity, explaining the join with the statement's line", () => {
    const [a, b, c] = ["a_2021.txt", "b_2022.txt", "c_2023.txt"].map((f) => x.documents.find((d) => d.source_file === f)!);
    expect(b.entity).toBe("四川省乐山市医疗保障委员会");
    expect(a.entity_id).toBe(b.entity_id);
    expect(c.entity_id).not.toBe(a.entity_id);
    const e = entityOf(x, a.entity_id);
    expect(e).toMatchObject({
      name: "四川省乐山市医疗保障委员会",
      bare_name: "医疗保障委员会",
      documents: 2,
      first_year: 2021,
      last_year: 2022,
      region_code: "511100",
    });
    expect(e.match_rule.split(",")).toEqual(expect.arrayContaining(["same_body", "renamed_in_text", "region_prefix"]));
    expect(e.reason).toContain(`乐山市医疗保障局 → 乐山市医疗保障委员会 (${b.doc_id} line`);
  });

  it("forms one series across the years", () => {
    const id = x.documents[0].entity_id!;
    const series = x.panel.filter((p) => p.entity_id === id && p.measure === "grand_total" && p.phase === "final" && !p.derived);
    expect(series.map((p) => [p.year, p.amount_wan])).toEqual([
      [2021, 1826.79],
      [2022, 1826.79],
    ]);
    // 2021 has its own document, so the 2022 copy's statement of 2021 does not replace it
    expect(row(x, id, 2021, "final", "grand_total").doc_id).toBe(x.documents[0].doc_id);
  });
});

describe("budget and final of one entity-year", () => {
  it("gives an execution rate equal to the ratio of the printed figures", () => {
    const dir = mkdtempSync(join(tmpdir(), "panel-exec-"));
    writeFileSync(join(dir, "final_2021.txt"), readFileSync(SAMPLE.leshan2021));
    // the Sichuan budget, re-addressed to 乐山 and moved to 2021: a budget of the same body and year
    const budget = shiftYears(readFileSync(SAMPLE.sichuan2023budget, "utf8"), -2).replaceAll("四川省医疗保障局", "四川省乐山市医疗保障局");
    writeFileSync(join(dir, "budget_2021.txt"), budget);
    const x = extractFiles([dir], { root: dir });
    const [fin, bud] = ["final_2021.txt", "budget_2021.txt"].map((f) => x.documents.find((d) => d.source_file === f)!);
    expect(bud.entity_id).toBe(fin.entity_id);
    const b = row(x, fin.entity_id!, 2021, "budget", "basic");
    const f = row(x, fin.entity_id!, 2021, "final", "basic");
    expect(b).toMatchObject({ doc_id: bud.doc_id, amount_wan: 4584.79, source_line: 145 });
    expect(b.source_text).toContain("4,584.79");
    expect(f).toMatchObject({ doc_id: fin.doc_id, amount_wan: 1069.04, source_line: 116 });
    expect(f.source_text).toContain("基本支出1069.04");
    for (const r of [b, f]) expect(r).toMatchObject({ budget_wan: 4584.79, final_wan: 1069.04, execution_rate: 1069.04 / 4584.79 });
  }, 60_000);

  const corpusDir = join(ROOT, "..", "shared", "corpus");
  it.skipIf(!existsSync(corpusDir))(
    "pairs the 预算数 and 决算数 a final account's “三公” table prints (国家信访局 2024; skipped without ../shared/corpus)",
    () => {
      const x = extractFiles([join(corpusDir, "cn_xfj_2024_dept_final.txt")], { root: corpusDir });
      const id = x.documents[0].entity_id!;
      const f = row(x, id, 2024, "final", "three_public_total");
      expect(f).toMatchObject({ budget_wan: 76.43, final_wan: 46.21, execution_rate: 46.21 / 76.43, source_line: 343, table_id: "公开09表" });
    },
    60_000,
  );
});

describe("name rules", () => {
  it("reads scope markers, 中共 prefixes and region names off a name, naming each rule", () => {
    expect(bareName("贵州省医疗保障局（本级）", ["贵州省"])).toEqual({ bare: "医疗保障局", rules: ["scope_marker", "region_prefix"] });
    expect(bareName("达州市医疗保障局本级", ["四川省", "达州市"])).toEqual({ bare: "医疗保障局", rules: ["scope_marker", "region_prefix"] });
    expect(bareName("中共乐山市委组织部", ["四川省", "乐山市"]).bare).toBe(bareName("乐山市委组织部", ["四川省", "乐山市"]).bare);
    expect(bareName("中共乐山市委组织部", ["四川省", "乐山市"]).rules).toEqual(["cpc_prefix", "region_prefix"]);
    expect(bareName("国家信访局", [null, null])).toEqual({ bare: "国家信访局", rules: [] });
  });

  it("finds renamings stated as X更名为Y and Y（原X）", () => {
    const found = statedRenames("d1", [
      "前言",
      "2019年1月，乐山市医疗保险管理局更名为乐山市医疗保障局，负责…",
      "乐山市卫生健康委员会（原乐山市卫生和计划生育委员会）主要职责",
      "原则上不再新增",
      "2018年，乐山市文化广播影视新闻出版局更名组建为乐山市文化广播电视和旅游局。",
      "乐山市林业局 更名 为 乐山市林业和草原局",
    ]);
    expect(found.map((r) => [r.former, r.current, r.source_line])).toEqual([
      ["乐山市医疗保险管理局", "乐山市医疗保障局", 2],
      ["乐山市卫生和计划生育委员会", "乐山市卫生健康委员会", 3],
      ["乐山市文化广播影视新闻出版局", "乐山市文化广播电视和旅游局", 5],
      ["乐山市林业局", "乐山市林业和草原局", 6],
    ]);
  });
});
