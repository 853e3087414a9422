// The panel (loaders/panel/figures.ts, built in Node during extraction) and the Compare
// page's SQL (src/components/compare-queries.ts, run in the browser) choose the same
// figure of each document: both are run here on the samples and must agree to the 0.000001 万元.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import * as Q from "../../src/components/compare-queries.ts";
import {HEADLINE_TOTALS_SQL} from "../../src/components/overview-queries.ts";
import {openCorpus, type Corpus, type Row} from "./sql-corpus.ts";

let corpus: Corpus;
let panel: Row[];
beforeAll(async () => {
  corpus = await openCorpus();
  panel = await corpus.rows(`SELECT p.*, d.kind FROM panel p JOIN documents d USING (doc_id) WHERE NOT p.derived`);
}, 120_000);
afterAll(() => corpus?.conn.closeSync());

/** The panel's figure of one document, phase and measure (and 类 code). */
function panelFigure(doc_id: unknown, phase: unknown, measure: string, code: unknown = null): number | undefined {
  return panel.find((p) => p.doc_id === doc_id && p.phase === phase && p.measure === measure && (p.code ?? null) === code)?.amount_wan as number | undefined;
}

/** Pairs [what, page figure, panel figure] for every figure the page shows. */
function compared(rows: Row[], pick: (r: Row) => Array<[string, number | null, number | undefined]>) {
  return rows.flatMap(pick).filter(([, page]) => page !== null);
}

describe("panel and Compare page agree on the samples", () => {
  test("收支总计, 本年收入合计, 本年支出合计", async () => {
    const figure: Record<string, string> = {expenditure_total: "grand_total", year_income: "income", year_expenditure: "expenditure"};
    const rows = (await corpus.rows(HEADLINE_TOTALS_SQL)).filter((r) => figure[r.figure as string]);
    const kinds = new Map((await corpus.rows("SELECT doc_id, kind FROM documents")).map((d) => [d.doc_id, d.kind]));
    const pairs = compared(rows, (r) => [
      [`${r.doc_id} ${r.figure}`, r.amount_wan as number, panelFigure(r.doc_id, kinds.get(r.doc_id), figure[r.figure as string])]
    ]);
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    for (const [what, page, mine] of pairs) expect(mine, what).toBeCloseTo(page!, 6);
  });

  test("基本 / 项目 and 人员 / 公用经费", async () => {
    for (const sql of [Q.BASIC_PROJECT_SQL, Q.PERSONNEL_PUBLIC_SQL]) {
      const pairs = compared(await corpus.rows(sql), (r) => [
        [`${r.doc_id} ${r.part}`, r.amount_wan as number, panelFigure(r.doc_id, r.kind, r.part as string)]
      ]);
      expect(pairs.length).toBe(10);
      for (const [what, page, mine] of pairs) expect(mine, what).toBeCloseTo(page!, 6);
    }
  });

  test("“三公”, budget and final", async () => {
    const pairs = compared(await corpus.rows(Q.THREE_PUBLIC_SQL), (r) => [
      [`${r.doc_id} ${r.part} budget`, r.budget_wan as number | null, panelFigure(r.doc_id, "budget", r.part as string)],
      [`${r.doc_id} ${r.part} final`, r.final_wan as number | null, panelFigure(r.doc_id, "final", r.part as string)]
    ]);
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    for (const [what, page, mine] of pairs) expect(mine, what).toBeCloseTo(page!, 6);
  });

  test("each 功能分类 类", async () => {
    const rows = (await corpus.rows(Q.EXPENDITURE_BY_CODE_SQL)).filter((r) => r.level === 1);
    const pairs = compared(rows, (r) => [[`${r.doc_id} ${r.code}`, r.amount_wan as number, panelFigure(r.doc_id, r.kind, "function_class", r.code)]]);
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const [what, page, mine] of pairs) expect(mine, what).toBeCloseTo(page!, 6);
  });
});
