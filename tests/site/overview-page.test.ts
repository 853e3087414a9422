// The Overview page's tables (src/components/overview-page.ts) built from the page's own
// SQL run with DuckDB in Node over the sample documents' Parquet files.
import {afterAll, beforeAll, expect, test} from "vitest";
import {documentsSection, shortMessage, statusSection, totalsSection} from "../../src/components/overview-page.ts";
import {HEADLINE_TOTALS_SQL, OVERVIEW_DOCUMENTS_SQL} from "../../src/components/overview-queries.ts";
import {openCorpus, type Corpus, type Row} from "./sql-corpus.ts";

let corpus: Corpus;
let documents: Row[];
let totals: Row[];

beforeAll(async () => {
  corpus = await openCorpus();
  [documents, totals] = await Promise.all([corpus.rows(OVERVIEW_DOCUMENTS_SQL), corpus.rows(HEADLINE_TOTALS_SQL)]);
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

test("documents: labels from labels.ts (kind, level, scope)", () => {
  const rows = documentsSection(documents, []).rows.map((d) => [d.entity, d.year, d.kind_label, d.level_label, d.scope_label]);
  expect(rows).toContainEqual(["四川省医疗保障局", 2023, "预算 budget", "省 province", "部门 department"]);
  expect(rows).toContainEqual(["达州市医疗保障局（汇总）", 2023, "决算 final accounts", "市 city", "汇总 department"]);
});

test("headline totals: 达州 2023 收入总计 1,358.87 万元 on line 10796 (table 财决公开01表); 乐山 from the prose", () => {
  const rows = totalsSection(documents, totals).rows;
  expect(rows.find((r) => r.entity === "达州市医疗保障局（汇总）")).toMatchObject({income_total: 1358.87, income_total_lines: [10796], year_expenditure: 1198.42, basis: "table 财决公开01表"});
  expect(rows.find((r) => r.entity === "四川省乐山市医疗保障局")).toMatchObject({expenditure_total: 1826.79, expenditure_total_lines: [98], basis: "prose 正文"});
});

test("status: extraction labels and the audit's error counts", () => {
  const rows = statusSection(documents).rows.map((d) => [d.entity, d.year, d.status_label, d.checks_error]);
  // 22 before performance_cost, which adds line 3218's 4.3 万元 cost actually spent against the project's 4.23 executed;
  // performance_score no longer counts the 总分 short of line 5032's unread scores (a note, not an error)
  expect(rows).toContainEqual(["达州市医疗保障局（汇总）", 2023, "partial 部分", 22]);
  expect(rows).toContainEqual(["四川省医疗保障局", 2023, "partial 部分", 16]); // 表2-1 untrusted: its 443 amounts unread
  expect(shortMessage("data/documents/x.txt:11013: table cut")).toBe("L11013: table cut");
});
