// The grouping controls of /compare: group the charts by document, province, level, year
// or kind, and keep the top N groups (the rest summed as "others"). The choice lives in
// the URL (?group=province&top=10); without one, charts show one bar per document while
// the chosen documents fit in the top N, else group by province.
import {h} from "./dom.js";
import {DEFAULT_TOP_N, TOP_N_CHOICES, defaultGrouping, type Grouping} from "./compare-page.js";
import {GROUP_BY, type GroupBy} from "./rank.js";

/** The grouping the URL asks for, if any. */
export function groupingFromSearch(search: string): Partial<Grouping> {
  const params = new URLSearchParams(search);
  const group = params.get("group");
  const top = Number(params.get("top"));
  return {
    ...(group && group in GROUP_BY ? {groupBy: group as GroupBy} : {}),
    ...(TOP_N_CHOICES.includes(top as never) ? {topN: top} : {})
  };
}

export function groupControls(documents: number): HTMLElement & {value: Grouping} {
  const asked = groupingFromSearch(location.search);
  const topN = asked.topN ?? DEFAULT_TOP_N;
  const value: Grouping = {...defaultGrouping(documents, topN), ...asked};
  const group = h("select", {id: "compare-group-by", "aria-label": "group charts by"}, Object.entries(GROUP_BY).map(([key, text]) => h("option", {value: key, text, selected: key === value.groupBy})));
  const top = h("select", {id: "compare-top-n", "aria-label": "groups shown"}, TOP_N_CHOICES.map((n) => h("option", {value: String(n), text: `top ${n}`, selected: n === value.topN})));
  const root = h("div", {className: "bn-group-controls"}, h("label", {}, "图表分组 Charts by ", group), h("label", {}, "显示 Show ", top), h("span", {className: "bn-note", text: "the rest summed as one “others” bar"})) as unknown as HTMLElement & {value: Grouping};
  root.value = value;
  const update = () => {
    root.value = {groupBy: group.value as GroupBy, topN: Number(top.value)};
    const params = new URLSearchParams(location.search);
    params.set("group", root.value.groupBy);
    params.set("top", String(root.value.topN));
    history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
  };
  for (const select of [group, top])
    select.addEventListener("input", (event) => {
      event.stopPropagation(); // the controls' own "input" carries the grouping
      update();
      root.dispatchEvent(new Event("input", {bubbles: true}));
    });
  return root;
}
