/**
 * 财政拨款“三公”经费支出决算表: one line of numbers under a header of six
 * items (合计, 因公出国（境）费, 公务用车购置及运行维护费 小计 / 购置费 /
 * 运行维护费, 公务接待费) repeated per column group.
 *
 * Column groups, from the header:
 *  - 预算数 then 决算数, each over the six items (Guizhou, 12 columns);
 *  - 预算数, 决算数, 其中：一般公共预算财政拨款, 其中：政府性基金预算财政拨款
 *    (Sichuan, 24 columns);
 *  - the six items each split into 预算数 / 决算数 (Shanghai, 12 columns,
 *    interleaved).
 * Rules: a line with exactly as many numbers as columns is placed as
 * printed; in layout text each number goes to the nearest 预算数/决算数
 * header word. Otherwise (vanished empty cells) the numbers are placed by
 * final/column_solver.ts, in stages, each cell as soon as every solution
 * agrees on it (inferred; the rule names the stages used):
 *  1. "identities": within each group 合计 = 出国 + 小计 + 接待 and
 *     小计 = 购置 + 运行;
 *  2. "part<=whole": each 其中 group (一般公共预算 / 政府性基金) is at most
 *     the 决算数 of the same item, and so is their sum;
 *  3. "fund-without-appropriation:财政拨款收入支出决算总表": a 其中 fund with
 *     neither income nor carry-over in that table is empty;
 *  4. "empty-economic-row:财政拨款支出决算明细表": in the 决算数 groups,
 *     公务用车购置费 is empty when the economic row 31013 公务用车购置 is
 *     printed without amounts in that table, 公务用车运行维护费 likewise
 *     with 30231. (The header itself cannot tell 购置 from 运行 when one
 *     of them is empty: their identity only fixes the sum.)
 * Numbers still undecided go to residue ("ambiguous columns: …", naming
 * the columns each could take); the decided ones of the line are emitted.
 */
import type { CrossTableEvidence, LineItem, ResidueRow, TableContext, TableFamily, TableParse, TableReading } from "../../schema/types.ts";
import { makeItem, makeResidue } from "../item.ts";
import { isMoneyToken, keepsColumns, tokenize, tokenValue } from "../rows.ts";
import { type Constraint, GEOMETRY_RULE, nearestAnchor, placeByGeometry, sectionGrid, solveColumns, type Stage } from "../placement/index.ts";
import { economicRowsWithoutAmounts, FISCAL_DETAIL } from "./economic-evidence.ts";
import { FISCAL_SUMMARY, fundOfLabel, fundsWithoutAppropriation } from "./evidence.ts";
import { sortLines } from "./section-lines.ts";
import type { Measure } from "../../schema/measures.ts";

const ITEMS: Array<[Measure, string]> = [
  ["three_public_total", "合计"],
  ["overseas_travel", "因公出国（境）费"],
  ["vehicles_total", "公务用车购置及运行维护费 小计"],
  ["vehicle_purchase", "公务用车购置费"],
  ["vehicle_operation", "公务用车运行维护费"],
  ["official_reception", "公务接待费"],
];
/** Economic codes of the vehicle columns (支出经济分类). */
const VEHICLE_CODES: Array<[Measure, string]> = [
  ["vehicle_purchase", "31013"],
  ["vehicle_operation", "30231"],
];
const FINAL = "决算数";

interface Col {
  measure: Measure;
  label: string;
  side: string;
}

function columnsOf(header: string[]): Col[] {
  const all = header.join("");
  const byItem = (sides: string[]): Col[] => sides.flatMap((side) => ITEMS.map(([measure, label]) => ({ measure, label, side })));
  if (header.some((h) => (h.match(/预算数/g) ?? []).length >= 6))
    return ITEMS.flatMap(([measure, label]) => ["预算数", "决算数"].map((side) => ({ measure, label, side })));
  if (/其中[:：]?一般公共预算财政拨款/.test(all))
    return byItem(["预算数", "决算数", "决算数·一般公共预算财政拨款", "决算数·政府性基金预算财政拨款"]);
  return byItem(["预算数", "决算数"]);
}

const colName = (c: Col) => `${c.side} ${c.label}`;

/** The tables the solver's stages 3 and 4 read (the cross-table pass). */
const NEEDS: TableFamily[] = ["final_fiscal_summary", "final_fiscal_detail"];

/** The constraint stages of the column solver (see the rules above), with the evidence of the other tables. */
function constraintStages(evidence: CrossTableEvidence, cols: Col[]): Stage[] {
  const at = (side: string, measure: Measure) => cols.findIndex((c) => c.side === side && c.measure === measure);
  const sides = [...new Set(cols.map((c) => c.side))];
  const identities: Constraint[] = sides.flatMap((side) => [
    { kind: "sum" as const, parent: at(side, "three_public_total"), children: (["overseas_travel", "vehicles_total", "official_reception"] as const).map((m) => at(side, m)) },
    { kind: "sum" as const, parent: at(side, "vehicles_total"), children: (["vehicle_purchase", "vehicle_operation"] as const).map((m) => at(side, m)) },
  ]);
  const parts = sides.filter((s) => s.startsWith(`${FINAL}·`));
  const partWhole: Constraint[] = parts.length
    ? ITEMS.map(([m]) => ({ kind: "atMost" as const, whole: at(FINAL, m), parts: parts.map((s) => at(s, m)) }))
    : [];
  const stages: Stage[] = [{ name: "identities", constraints: identities }];
  if (partWhole.length) stages.push({ name: "part<=whole", constraints: partWhole });
  const idle = parts.length ? fundsWithoutAppropriation(evidence) : null;
  const fundZero: Constraint[] = idle
    ? parts.filter((s) => idle.has(fundOfLabel(s.slice(FINAL.length + 1)) ?? "")).flatMap((s) => ITEMS.map(([m]) => ({ kind: "zero" as const, column: at(s, m) })))
    : [];
  if (fundZero.length) stages.push({ name: `fund-without-appropriation:${FISCAL_SUMMARY}`, constraints: fundZero });
  const emptyRows = economicRowsWithoutAmounts(evidence, VEHICLE_CODES.map(([, code]) => code));
  const rowZero: Constraint[] = emptyRows
    ? [FINAL, ...parts].flatMap((side) =>
        VEHICLE_CODES.flatMap(([m, code]) => (emptyRows.has(code) && at(side, m) >= 0 ? [{ kind: "zero" as const, column: at(side, m) }] : [])),
      )
    : [];
  if (rowZero.length) stages.push({ name: `empty-economic-row:${FISCAL_DETAIL}`, constraints: rowZero });
  return stages;
}

export function parseThreePublic(ctx: TableContext): TableReading {
  const sorted = sortLines(ctx, (t) => tokenize(t).some((k) => isMoneyToken(k.text)));
  const cols = columnsOf(sorted.header);
  const layout = keepsColumns(sorted.headerRaw.concat(sorted.body.map(([, t]) => t)));
  const sideLine = sorted.headerRaw.find((h) => (h.match(/预算数|决算数/g) ?? []).length === cols.length);
  const anchors = layout && sideLine ? tokenize(sideLine).filter((t) => /^(预算数|决算数)$/.test(t.text)).map((t) => (t.x0 + t.x1) / 2) : null;
  // a PDF: columns by position where its geometry is clear (the leaf headers are the sides: 预算数 / 决算数 …)
  const firstBody = sorted.body[0]?.[0] ?? Number.POSITIVE_INFINITY;
  const headerLines = sorted.residue.filter((r) => r.reason === "header" && r.source_line < firstBody).map((r) => r.source_line);
  const grid = sectionGrid(ctx.doc, headerLines, sorted.body.map(([n]) => n), cols.map((c) => c.side.split("·").pop()!));
  const read: LinesRead = { ctx, sorted, cols, anchors, grid };
  const alone = placeLines(read, null);
  if (typeof alone !== "number") return alone;
  // a line with vanished cells needs the solver, whose stages 3 and 4 read other tables (the cross-table pass)
  return { pending: { needs: NEEDS, rows: `line ${alone}: vanished cells`, settle: (e) => placeLines(read, constraintStages(e, cols)) } };
}

interface LinesRead {
  ctx: TableContext;
  sorted: ReturnType<typeof sortLines>;
  cols: Col[];
  anchors: number[] | null;
  grid: ReturnType<typeof sectionGrid>;
}

/** Every body line placed; without `stageList` (first pass), the first line needing the solver's stages instead. */
function placeLines(read: LinesRead, stageList: Stage[]): TableParse;
function placeLines(read: LinesRead, stageList: null): TableParse | number;
function placeLines(read: LinesRead, stageList: Stage[] | null): TableParse | number {
  const { ctx, sorted, cols, anchors, grid } = read;
  const residue: ResidueRow[] = [...sorted.residue];
  const items: LineItem[] = [];
  let bad = 0;
  let row = 0;
  for (const [n, text] of sorted.body) {
    const nums = tokenize(text).filter((t) => tokenValue(t.text) !== null);
    if (nums.length === 0) {
      residue.push(makeResidue(ctx, n, /^[\d\s]+$/.test(text) ? "header" : "text between rows"));
      continue;
    }
    // a 栏次 line (1 2 3 …) is header
    if (nums.every((t, i) => t.text === String(i + 1))) {
      residue.push(makeResidue(ctx, n, "header"));
      continue;
    }
    let placed: Array<number | null> | null = null;
    let rules: Array<string | null> = nums.map(() => null);
    const byPosition = nums.length < cols.length && grid ? placeByGeometry(ctx.doc, grid, n, nums.map((t) => t.text)) : null;
    if (nums.length === cols.length) placed = nums.map((_, i) => i);
    else if (byPosition) {
      placed = byPosition;
      rules = nums.map(() => GEOMETRY_RULE);
    } else if (anchors && anchors.length === cols.length) {
      placed = nums.map((t) => nearestAnchor(t, anchors));
      if (new Set(placed).size !== placed.length) placed = null;
    } else if (!stageList) return n;
    else {
      const solved = solveColumns(nums.map((t) => tokenValue(t.text)!), cols.length, stageList);
      const names = stageList.map((st) => st.name);
      placed = solved.columns;
      rules = solved.stage.map((k) => (k === null ? null : `three-public:${names.slice(0, k + 1).filter((x) => x).join("+")}`));
      const open = nums.flatMap((_, i) => (solved.columns[i] === null ? [i] : []));
      if (solved.used < 0) placed = null;
      else if (open.length > 0) {
        bad++;
        const what = open.map((i) => `${nums[i].text} (number ${i + 1}) is ${solved.options[i].map((c) => colName(cols[c])).join(" or ")}`);
        residue.push(makeResidue(ctx, n, `ambiguous columns: ${what.join("; ")}`));
      }
    }
    if (!placed) {
      bad++;
      residue.push(makeResidue(ctx, n, `ambiguous columns: ${nums.length} numbers for ${cols.length} columns, no placement meets the identities`));
      continue;
    }
    row++;
    placed.forEach((c, i) =>
      c !== null &&
      items.push(
        makeItem(ctx, {
          row_label: "财政拨款“三公”经费",
          measure: cols[c].measure,
          column_label: `${cols[c].side} ${cols[c].label}`,
          side: cols[c].side,
          value: tokenValue(nums[i].text)!,
          source_line: n,
          row_index: row,
          inferred: rules[i] !== null && rules[i] !== GEOMETRY_RULE,
          rule: rules[i],
        }),
      ),
    );
  }
  residue.sort((a, b) => a.source_line - b.source_line);
  const status = sorted.noDataNote ? "no_data" : bad > 0 ? "partial" : "ok";
  return { items, residue, status, message: sorted.noDataNote ?? (bad > 0 ? `${bad} line(s) with vanished cells not placed` : "") };
}
