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
 * header word; otherwise (vanished empty cells) the line goes to residue
 * as ambiguous — the identities 合计 = 出国 + 小计 + 接待 and 小计 = 购置 +
 * 运行 cannot tell 购置费 from 运行维护费 or one group from another.
 */
import type { LineItem, ResidueRow, TableContext, TableParse } from "../../schema/types.ts";
import { makeItem, makeResidue } from "../item.ts";
import { isMoneyToken, keepsColumns, nearestAnchor, tokenize, tokenValue } from "../rows.ts";
import { sortLines } from "./section_lines.ts";

const ITEMS: Array<[string, string]> = [
  ["three_public_total", "合计"],
  ["overseas_travel", "因公出国（境）费"],
  ["vehicles_total", "公务用车购置及运行维护费 小计"],
  ["vehicle_purchase", "公务用车购置费"],
  ["vehicle_operation", "公务用车运行维护费"],
  ["official_reception", "公务接待费"],
];

interface Col {
  measure: string;
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

export function parseThreePublic(ctx: TableContext): TableParse {
  const sorted = sortLines(ctx, (t) => tokenize(t).some((k) => isMoneyToken(k.text)));
  const residue: ResidueRow[] = [...sorted.residue];
  const cols = columnsOf(sorted.header);
  const layout = keepsColumns(sorted.headerRaw.concat(sorted.body.map(([, t]) => t)));
  const sideLine = sorted.headerRaw.find((h) => (h.match(/预算数|决算数/g) ?? []).length === cols.length);
  const anchors = layout && sideLine ? tokenize(sideLine).filter((t) => /^(预算数|决算数)$/.test(t.text)).map((t) => (t.x0 + t.x1) / 2) : null;
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
    let placed: number[] | null = null;
    if (nums.length === cols.length) placed = nums.map((_, i) => i);
    else if (anchors && anchors.length === cols.length) {
      placed = nums.map((t) => nearestAnchor(t, anchors));
      if (new Set(placed).size !== placed.length) placed = null;
    }
    if (!placed) {
      bad++;
      residue.push(makeResidue(ctx, n, `ambiguous columns: ${nums.length} numbers for ${cols.length} columns`));
      continue;
    }
    row++;
    placed.forEach((c, i) =>
      items.push(
        makeItem(ctx, {
          row_label: "财政拨款“三公”经费",
          measure: cols[c].measure,
          column_label: `${cols[c].side} ${cols[c].label}`,
          side: cols[c].side,
          value: tokenValue(nums[i].text)!,
          source_line: n,
          row_index: row,
        }),
      ),
    );
  }
  residue.sort((a, b) => a.source_line - b.source_line);
  const status = sorted.noDataNote ? "no_data" : bad > 0 ? "partial" : "ok";
  return { items, residue, status, message: sorted.noDataNote ?? (bad > 0 ? `${bad} line(s) with vanished cells not placed` : "") };
}
