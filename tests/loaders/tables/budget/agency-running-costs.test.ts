/** 机关运行经费支出预算表 by economic code (无锡 公开12表), read in the text and in the PDF. */
import { describe, expect, it } from "vitest";
import type { DocumentExtraction } from "../../../../loaders/extract.ts";
import { corpusDocument } from "../../corpus-document.ts";
import { hasCorpus, SHARED_ABSENT } from "../../helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const text = corpusDocument("js_wx_yjzfjd_2026_unit_budget.txt");
const pdf = corpusDocument("js_wx_yjzfjd_2026_unit_budget.pdf");
const pageOf = (d: DocumentExtraction, line: number) => d.pages.find((p) => p.first_line <= line && line <= p.last_line)?.page;
/** Lines 348–353 (the same in the text and the PDF): 合计 58.44, 302 商品和服务支出 58.44 = Σ its four 款. */
const rows = (d: DocumentExtraction) =>
  d.line_items.filter((i) => i.table_id === "公开12表").map((i) => [i.source_line, i.code, i.measure, i.column_label, i.value, i.is_leaf]);
const EXPECTED = [
  [348, null, "agency_running_costs", "机关运行经费", 58.44, false],
  [349, "302", "agency_running_costs", "机关运行经费", 58.44, false],
  [350, "30201", "agency_running_costs", "机关运行经费", 22.75, true],
  [351, "30228", "agency_running_costs", "机关运行经费", 10.66, true],
  [352, "30239", "agency_running_costs", "机关运行经费", 20.69, true],
  [353, "30299", "agency_running_costs", "机关运行经费", 4.34, true],
];

describe.skipIf(!hasCorpus)("无锡 公开12表 一般公共预算机关运行经费支出预算表", () => {
  it("the text: its one column (机关运行经费支出) by economic code, every line placed", () => {
    const t = text().tables.find((x) => x.table_id === "公开12表");
    expect([t?.family, t?.status]).toEqual(["budget_agency_running_costs", "ok"]);
    expect(rows(text())).toEqual(EXPECTED);
    expect(text().line_items.find((i) => i.source_line === 350)?.code_system).toBe("economic");
    expect(text().document.message).not.toMatch(/\b34[89]\b|\b35[0-3]\b/);
  }, 60_000);

  it("the PDF: the same rows, on page 18", () => {
    const t = pdf().tables.find((x) => x.table_id === "公开12表");
    expect([t?.family, t?.status]).toEqual(["budget_agency_running_costs", "ok"]);
    expect(rows(pdf())).toEqual(EXPECTED);
    expect(pageOf(pdf(), 353)).toBe(18);
    expect(pdf().residue.filter((r) => r.source_line >= 348 && r.source_line <= 353)).toEqual([]);
  }, 120_000);
});
