/**
 * Value columns of the by-code final-account tables (national templates),
 * left to right after the code and name (and 行次 where printed), and the
 * identities that hold within one row (parent column = Σ child columns).
 * A template variant is chosen from the words of the section's header.
 */
import type { Identity } from "../placement/index.ts";
import type { Measure } from "../../schema/measures.ts";

export interface Column {
  measure: Measure;
  label: string;
  /** Column group (e.g. the fund of 财政拨款支出决算明细表), kept in `side`. */
  group?: string;
  /** Words (squashed) that name this column in the header, to find it by position. */
  keys: string[];
}

export interface CodeTableSchema {
  columns: Column[];
  /** Within-row identities: sum column = Σ part columns. */
  identities: Identity[];
  /** Whether the first column is the row total (a lone number is then the total). */
  firstIsTotal: boolean;
  codeSystem: "functional" | "economic";
  /** Whether a 行次 column stands before the values. */
  lineNumbers: boolean;
  /**
   * A wide table (一般公共预算财政拨款支出决算明细表: one column per
   * economic code) whose vanished cells cannot be told apart: only the
   * row total is placed, the rest of the line goes to residue.
   */
  totalOnly?: boolean;
}

const col = (measure: Measure, label: string, keys: string[], group?: string): Column => ({ measure, label, keys, group });

const INCOME: Column[] = [
  col("total", "本年收入合计", ["本年收入合", "收入合计"]),
  col("fiscal_appropriation", "财政拨款收入", ["财政拨款收"]),
  col("superior_subsidy", "上级补助收入", ["上级补助"]),
  col("business_income", "事业收入", ["事业收"]),
  col("operating_income", "经营收入", ["经营收"]),
  col("subordinate_remittance", "附属单位上缴收入", ["附属单"]),
  col("other_income", "其他收入", ["其他收"]),
];

const EXPENDITURE: Column[] = [
  col("total", "本年支出合计", ["本年支出合", "支出合计"]),
  col("basic", "基本支出", ["基本支出"]),
  col("project", "项目支出", ["项目支"]),
  col("remit_to_superior", "上缴上级支出", ["上缴上级"]),
  col("operating_expenditure", "经营支出", ["经营支"]),
  col("subsidy_to_subordinate", "对附属单位补助支出", ["对附属"]),
];

const flatSum = (n: number): Identity[] => [{ sum: 0, parts: Array.from({ length: n - 1 }, (_, i) => i + 1) }];

function basicProject(totalLabel: string): Column[] {
  return [
    col("total", totalLabel, ["合计", "小计"]),
    col("basic", "基本支出", ["基本支出"]),
    col("project", "项目支出", ["项目支出"]),
  ];
}

function fundDetail(): CodeTableSchema {
  const funds: Array<[Measure, string]> = [
    ["general_public_budget", "一般公共预算财政拨款"],
    ["government_fund", "政府性基金预算财政拨款"],
    ["state_capital", "国有资本经营预算财政拨款"],
  ];
  const columns: Column[] = [col("total", "合计", ["合计"])];
  const identities: Identity[] = [{ sum: 0, parts: [1, 4, 7] }];
  funds.forEach(([measure, fund], i) => {
    const base = 1 + i * 3;
    columns.push(col(measure, "小计", ["小计"], fund), col("basic", "基本支出", ["基本支出"], fund), col("project", "项目支出", ["项目支出"], fund));
    identities.push({ sum: base, parts: [base + 1, base + 2] });
  });
  return { columns, identities, firstIsTotal: true, codeSystem: "economic", lineNumbers: true };
}

/** The schema of a by-code family, given the section's squashed header text. */
export function codeTableSchema(family: string, header: string): CodeTableSchema | null {
  const lineNumbers = header.includes("行次");
  switch (family) {
    case "final_income_by_code":
      return { columns: INCOME, identities: flatSum(INCOME.length), firstIsTotal: true, codeSystem: "functional", lineNumbers };
    case "final_expenditure_by_code":
      return { columns: EXPENDITURE, identities: flatSum(EXPENDITURE.length), firstIsTotal: true, codeSystem: "functional", lineNumbers };
    case "final_gpb_by_code":
    case "final_state_capital_expenditure": {
      const label = /小计/.test(header) ? "小计" : "合计";
      return { columns: basicProject(label), identities: flatSum(3), firstIsTotal: true, codeSystem: "functional", lineNumbers };
    }
    case "final_gpb_project":
      if (header.includes("本年收入") && header.includes("本年支出") && !header.includes("基本支出"))
        return {
          columns: [col("income", "本年收入", ["本年收入"]), col("expenditure", "本年支出", ["本年支出"])],
          identities: [],
          firstIsTotal: false,
          codeSystem: "functional",
          lineNumbers,
        };
      return { columns: basicProject("合计"), identities: flatSum(3), firstIsTotal: true, codeSystem: "functional", lineNumbers };
    case "final_gov_fund":
    case "final_state_capital": {
      const withKinds = header.includes("基本支出");
      const columns = withKinds
        ? [
            col("carryover_prior", "年初结转和结余", ["年初结转"]),
            col("income", "本年收入", ["本年收入"]),
            col("expenditure", "本年支出", ["小计", "本年支出"]),
            col("basic", "基本支出", ["基本支出"]),
            col("project", "项目支出", ["项目支出"]),
            col("carryover_next", "年末结转和结余", ["年末结转"]),
          ]
        : [
            col("carryover_prior", "年初结转和结余", ["年初结转"]),
            col("income", "本年收入", ["本年收入"]),
            col("expenditure", "本年支出", ["本年支出"]),
            col("carryover_next", "年末结转和结余", ["年末结转"]),
          ];
      return { columns, identities: withKinds ? [{ sum: 2, parts: [3, 4] }] : [], firstIsTotal: false, codeSystem: "functional", lineNumbers };
    }
    case "final_gpb_detail":
      return { columns: [col("total", "合计", ["合计"])], identities: [], firstIsTotal: true, codeSystem: "functional", lineNumbers: false, totalOnly: true };
    case "final_fiscal_detail":
      return { ...fundDetail(), lineNumbers };
    default:
      return null;
  }
}
