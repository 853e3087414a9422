// Faceted search over documents (province, level, city, year, kind, scope, free text),
// with counts: the document picker of /compare and the filter of the Documents index.
// A value's count is the number of documents it would select given the other facets'
// choices (the usual faceted-search rule), so a count never promises an empty result.
// The state lives in the URL's query string (?province=四川省&year=2023&q=医保).
// Pure functions (tested in Node, tests/site/facets.test.ts) and one DOM component built
// with h(): every value and label is set as text.
import {h} from "./dom.js";
import {KIND_LABEL, LEVEL_LABEL, SCOPE_LABEL, label} from "./labels.js";

type Row = Record<string, any>;

export const FACETS = [
  {key: "province", label: "省 Province"},
  {key: "level", label: "层级 Level", labels: LEVEL_LABEL},
  {key: "city", label: "市 City"},
  {key: "year", label: "年度 Year"},
  {key: "kind", label: "类型 Kind", labels: KIND_LABEL},
  {key: "scope", label: "范围 Scope", labels: SCOPE_LABEL}
] as const satisfies readonly {key: string; label: string; labels?: Record<string, string>}[];

export type FacetKey = (typeof FACETS)[number]["key"];

export interface FacetState {
  /** chosen values per facet (none chosen = no filter) */
  chosen: Partial<Record<FacetKey, string[]>>;
  /** free text: every word must occur in the entity, region, file name or id */
  text: string;
}

/** A document's value for a facet, as a string ("" when unknown). */
export const facetValue = (doc: Row, key: FacetKey): string => (doc[key] == null ? "" : String(doc[key]));

/** The label of a facet value ("?" for unknown). */
export function facetLabel(key: FacetKey, value: string): string {
  if (value === "") return "? unknown 未知";
  const facet = FACETS.find((f) => f.key === key);
  return facet && "labels" in facet ? label(facet.labels, value) : value;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

function matchesText(doc: Row, terms: string[]): boolean {
  if (!terms.length) return true;
  const hay = [doc.entity, doc.region, doc.province, doc.city, doc.source_file, doc.doc_id, doc.year].map((x) => String(x ?? "")).join(" ").toLowerCase();
  return terms.every((t) => hay.includes(t));
}

/** Does the document pass every facet but `except`? */
function passes(doc: Row, state: FacetState, terms: string[], except?: FacetKey): boolean {
  for (const {key} of FACETS) {
    if (key === except) continue;
    const chosen = state.chosen[key];
    if (chosen?.length && !chosen.includes(facetValue(doc, key))) return false;
  }
  return matchesText(doc, terms);
}

/** The documents the state selects, in their order. */
export function filterDocuments<T extends Row>(docs: readonly T[], state: FacetState): T[] {
  const terms = words(state.text);
  return docs.filter((d) => passes(d, state, terms));
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
  chosen: boolean;
}

/** Per facet: each value with the number of documents it selects given the other facets; by count, then value. */
export function facetCounts(docs: readonly Row[], state: FacetState): Record<FacetKey, FacetCount[]> {
  const terms = words(state.text);
  const out = {} as Record<FacetKey, FacetCount[]>;
  for (const {key} of FACETS) {
    const counts = new Map<string, number>();
    for (const doc of docs) {
      const value = facetValue(doc, key);
      if (!counts.has(value)) counts.set(value, 0);
      if (passes(doc, state, terms, key)) counts.set(value, counts.get(value)! + 1);
    }
    const chosen = state.chosen[key] ?? [];
    out[key] = [...counts]
      .map(([value, count]) => ({value, label: facetLabel(key, value), count, chosen: chosen.includes(value)}))
      .sort((a, b) => b.count - a.count || (key === "year" ? Number(b.value) - Number(a.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return out;
}

/** The state from a query string (?province=…&year=…&q=…); unknown keys ignored. */
export function parseFacetState(search: string): FacetState {
  const params = new URLSearchParams(search);
  const chosen: FacetState["chosen"] = {};
  for (const {key} of FACETS) {
    const values = params.getAll(key);
    if (values.length) chosen[key] = values;
  }
  return {chosen, text: params.get("q") ?? ""};
}

/** The state as query parameters, merged into `search` (other parameters are kept). */
export function facetSearch(state: FacetState, search = ""): string {
  const params = new URLSearchParams(search);
  for (const {key} of FACETS) {
    params.delete(key);
    for (const value of state.chosen[key] ?? []) params.append(key, value);
  }
  params.delete("q");
  if (state.text.trim()) params.set("q", state.text.trim());
  const text = params.toString();
  return text ? `?${text}` : "";
}

export type FacetPicker = HTMLElement & {value: Row[]; state: FacetState; setState(state: FacetState): void};

/**
 * The faceted search box: a text field and one group of checkboxes per facet, each value
 * with its count (values with no document left are shown greyed); `value` is the
 * documents selected, and an "input" event fires when it changes (Framework's view()).
 * With `url`, the state is read from and written to the page's query string.
 */
export function facetPicker(docs: readonly Row[], {url = true, shown = 8, legend = "文档 Documents"}: {url?: boolean; shown?: number; legend?: string} = {}): FacetPicker {
  let state: FacetState = url && typeof location !== "undefined" ? parseFacetState(location.search) : {chosen: {}, text: ""};
  const root = h("form", {className: "bn-facets", role: "search"}) as unknown as FacetPicker;
  root.addEventListener("submit", (event) => event.preventDefault());
  const summary = h("p", {className: "bn-facets-summary", "aria-live": "polite"});
  const text = h("input", {type: "search", className: "bn-facets-text", placeholder: "搜索 Search entity, region, file…", value: state.text, "aria-label": "search documents"});
  const groups = h("div", {className: "bn-facets-groups"});
  groups.addEventListener("input", (event) => event.stopPropagation()); // the picker's own "input" carries the documents
  const expanded = new Set<FacetKey>();
  const clear = h("button", {type: "button", text: "clear 清除", className: "bn-facets-clear"});

  function render(): void {
    const counts = facetCounts(docs, state);
    groups.replaceChildren(
      ...FACETS.map(({key, label: title}) => {
        const values = counts[key];
        const visible = expanded.has(key) ? values : values.filter((v, i) => i < shown || v.chosen);
        const box = h("fieldset", {className: "bn-facet", data: {facet: key}}, h("legend", {text: title}));
        for (const v of visible) {
          const input = h("input", {type: "checkbox", value: v.value, checked: v.chosen});
          input.addEventListener("change", () => toggle(key, v.value, input.checked));
          box.append(h("label", {className: v.count ? undefined : "bn-facet-empty", data: {value: v.value, count: v.count}}, input, ` ${v.label} `, h("span", {className: "bn-facet-count", text: `(${v.count})`})));
        }
        if (values.length > visible.length || expanded.has(key)) {
          const more = h("button", {type: "button", className: "bn-facet-more", text: expanded.has(key) ? "fewer 收起" : `all ${values.length} 全部`});
          more.addEventListener("click", () => {
            if (expanded.has(key)) expanded.delete(key);
            else expanded.add(key);
            render();
          });
          box.append(more);
        }
        return box;
      })
    );
    root.value = filterDocuments(docs, state);
    root.state = state;
    summary.textContent = `${root.value.length.toLocaleString("en-US")} of ${docs.length.toLocaleString("en-US")} documents`;
    root.dataset.selected = String(root.value.length);
  }

  function update(next: FacetState): void {
    state = next;
    render();
    if (url && typeof history !== "undefined") history.replaceState(history.state, "", `${location.pathname}${facetSearch(state, location.search)}${location.hash}`);
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function toggle(key: FacetKey, value: string, on: boolean): void {
    const current = state.chosen[key] ?? [];
    const values = on ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
    update({...state, chosen: {...state.chosen, [key]: values}});
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener("input", (event) => {
    event.stopPropagation(); // the picker's own "input" carries the documents
    clearTimeout(typing);
    typing = setTimeout(() => update({...state, text: text.value}), 150);
  });
  clear.addEventListener("click", () => {
    text.value = "";
    update({chosen: {}, text: ""});
  });
  root.setState = (next) => {
    text.value = next.text;
    update(next);
  };
  root.append(h("div", {className: "bn-facets-head"}, h("strong", {text: legend}), text, clear, summary), groups);
  render();
  return root;
}
