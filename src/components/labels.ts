// The labels of the site's closed vocabularies (Chinese + English), one map each, used by
// every page, chart and table: a kind, scope or measure is named the same everywhere.

export const KIND_LABEL: Record<string, string> = {budget: "预算 budget", final: "决算 final accounts"};
export const SCOPE_LABEL: Record<string, string> = {department: "部门 department", unit: "单位 unit"};
export const LEVEL_LABEL: Record<string, string> = {province: "省 province", city: "市 city", county: "县 county", district: "区 district"};
export const STATUS_LABEL: Record<string, string> = {ok: "ok 完整", partial: "partial 部分", error: "error 失败"};
/** Where a compared figure comes from (compare-queries.ts `basis`). */
export const BASIS_LABEL: Record<string, string> = {
  printed: "printed 表列",
  "sum over units": "Σ units 各单位合计",
  "sum of 项 rows": "Σ 项 rows 项合计",
  table: "table 表",
  prose: "prose 正文"
};
export const MEASURE_LABEL: Record<string, string> = {
  amount: "金额 amount",
  budget_amount: "预算数 budget",
  adjusted_budget_amount: "调整预算 adjusted budget",
  threshold: "限额 threshold",
  change_amount: "增减额 change",
  change_pct: "增减率 change %",
  change_count: "增减数 change (count)",
  share_pct: "占比 share %",
  budget_completion_pct: "完成预算 completion %",
  rate_pct: "比率 rate %",
  count: "数量 count",
  score: "得分 score",
  per_capita: "人均 per capita"
};

/** The label of a value in a map; the value itself when the map has none; "" for null. */
export function label(map: Record<string, string>, value: unknown): string {
  return value == null ? "" : (map[String(value)] ?? String(value));
}
