// The workbench's state in the URL fragment: /sql#sql=…&mark=bar&x=…&y=…&color=…&facet=…
// (&v=<data version>). Opening such a URL reruns the query and redraws the chart, and
// warns when the link was made on other data.
import {isMark, type ChartChoices} from "./chart-spec.js";

export interface WorkbenchState extends Partial<ChartChoices> {
  sql?: string;
  /** the data version the link was made on (version.ts) */
  v?: string;
}

const KEYS = ["x", "y", "color", "facet", "v"] as const;

/** The fragment (without "#") for a state; empty choices are left out. */
export function encodeState(state: WorkbenchState): string {
  const params = new URLSearchParams();
  if (state.sql) params.set("sql", state.sql);
  if (state.mark) params.set("mark", state.mark);
  for (const key of KEYS) if (state[key]) params.set(key, state[key]!);
  // URLSearchParams writes spaces as "+": keep them readable but unambiguous.
  return params.toString();
}

/** Reads a fragment ("#sql=…" or "sql=…"); unknown keys and bad marks are ignored. */
export function decodeState(hash: string): WorkbenchState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state: WorkbenchState = {};
  const sql = params.get("sql");
  if (sql) state.sql = sql;
  const mark = params.get("mark");
  if (isMark(mark)) state.mark = mark;
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** The keys that make a view other than the default one (the data version alone does not); src/sql.md's inline script reads the same list. */
export const VIEW_KEYS = ["sql", "mark", "x", "y", "color", "facet"] as const;

/** True when a state names a query or a chart choice: not the default view. */
export function hasViewState(state: WorkbenchState): boolean {
  return VIEW_KEYS.some((key) => Boolean(state[key]));
}

/** A shareable URL: the page's own address with the state as fragment. */
export function shareUrl(state: WorkbenchState, base: string): string {
  const url = new URL(base);
  url.hash = encodeState(state);
  return url.href;
}
