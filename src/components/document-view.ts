// The parts of a document page (/document?doc=<doc_id>): standard tables rebuilt from
// line_items, prose figures by section, performance projects and indicators, audit
// findings and residue. Every number links to the line it was printed on.
import {badge, lineLink, lineLinks, severityBadge} from "./analysis.js";
import {h} from "./dom.js";
import {money, num, pct} from "./format.js";
import {MEASURE_LABEL} from "./labels.js";
import {paged, table, type Column} from "./table.js";
import {parseLines} from "./corpus-rows.js";
import {pivotTable, descendants, type LineItem, type PivotRow} from "./pivot.js";

type R = Record<string, any>;

/** Rows grouped by a key, groups and rows in their first order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** English names of classification codes: "functional:210" → "Health". */
export function classNames(rows: R[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of rows) if (r.name_en) map.set(`${r.code_system}:${r.code}`, r.name_en);
  return map;
}

const SIDE_LABEL: Record<string, string> = {income: "收入 income", expenditure: "支出 expenditure"};

function cellText(item: LineItem): string {
  if (item.amount_wan != null && item.unit === "万元") return money(item.amount_wan);
  if (item.amount_wan != null) return money(item.amount_wan);
  return item.unit === "%" ? `${num(item.value)}%` : num(item.value);
}

function cellTitle(item: LineItem): string {
  const parts = [`${item.column_label ?? item.measure ?? ""}`.trim(), `printed ${num(item.value)} ${item.unit ?? ""}`.trim()];
  if (item.inferred) parts.push(`inferred column: ${item.rule ?? "rule not recorded"}`);
  return parts.filter(Boolean).join(" · ");
}

function valueCell(docId: string, item: LineItem | undefined): HTMLTableCellElement {
  const td = h("td", {className: "bn-num"});
  if (item) {
    td.append(lineLink(docId, item.source_line, cellText(item), cellTitle(item)));
    td.dataset.measure = item.measure ?? "";
    if (item.inferred) {
      td.classList.add("bn-inferred");
      td.title = `inferred: ${item.rule ?? ""}`;
    }
  }
  return td;
}

/** A two-sided table (收入 | 支出 printed on the same lines): each side with its own label column. */
function twoSidedTable(docId: string, table: R, items: LineItem[], sides: string[]): HTMLElement {
  const parts = sides.map((side) => pivotTable(items.filter((i) => (i.side ?? "") === side)));
  const indexes = [...new Set(items.map((i) => i.row_index))].sort((a, b) => a - b);
  const head = h("tr");
  sides.forEach((side, s) => {
    head.append(h("th", {text: SIDE_LABEL[side] ?? side, attrs: {scope: "col"}}));
    for (const col of parts[s].columns) head.append(h("th", {className: "bn-num", text: col, attrs: {scope: "col"}}));
  });
  const body = h("tbody");
  for (const index of indexes) {
    const tr = h("tr");
    sides.forEach((_, s) => {
      const row = parts[s].rows.find((r) => r.row_index === index);
      const label = h("td", {className: "bn-row-label" + (s > 0 ? " bn-side-start" : "")}, row?.label ?? "");
      if (row && /合\s*计|总\s*计/.test(row.label)) tr.classList.add("bn-total");
      tr.append(label);
      for (const col of parts[s].columns) tr.append(valueCell(docId, row?.cells.get(col)));
    });
    body.append(tr);
  }
  return h("div", {className: "bn-table-wrap"}, h("table", {className: "bn-table bn-standard", data: {tableId: table.table_id}}, h("thead", {}, head), body));
}

/** A rebuilt standard table: rows by row_index, columns by column_label, hierarchy collapsible. */
export function standardTable(docId: string, table: R, items: LineItem[], names: Map<string, string>): HTMLElement {
  const pivot = pivotTable(items);
  if (pivot.sides) return twoSidedTable(docId, table, items, pivot.sides);
  const wrap = h("div", {className: "bn-table-wrap"});
  const el = h("table", {className: "bn-table bn-standard", data: {tableId: table.table_id}});
  const head = h("tr");
  head.append(h("th", {text: "科目 / 项目 row", attrs: {scope: "col"}}));
  if (pivot.sided) head.append(h("th", {text: "side", attrs: {scope: "col"}}));
  for (const col of pivot.columns) head.append(h("th", {className: "bn-num", text: col, attrs: {scope: "col"}}));
  const body = h("tbody");
  pivot.rows.forEach((row: PivotRow, index) => {
    const tr = h("tr", {data: {index, code: row.code, depth: row.depth}});
    if (/合\s*计|总\s*计|小\s*计/.test(row.label) && row.code == null) tr.className = "bn-total";
    const label = h("td", {className: "bn-row-label"});
    label.style.paddingLeft = `${0.6 + row.depth * 1.3}em`;
    if (row.hasChildren) {
      label.append(
        h("button", {className: "bn-toggle", text: "▾", title: "collapse / expand the rows below", attrs: {type: "button", "aria-expanded": "true"}})
      );
    } else if (pivot.rows.some((r) => r.hasChildren)) label.append(h("span", {className: "bn-toggle-spacer"}));
    if (row.code) label.append(h("span", {className: "bn-code", text: row.code}));
    label.append(h("span", {className: "bn-label", text: row.label}));
    const english = row.code ? names.get(`${row.code_system}:${row.code}`) : undefined;
    if (english) label.append(h("span", {className: "bn-side", text: ` ${english}`}));
    if (row.unit_code && !row.code) label.append(h("span", {className: "bn-code", text: ` [${row.unit_code}]`}));
    tr.append(label);
    if (pivot.sided) tr.append(h("td", {className: "bn-side", text: SIDE_LABEL[row.side ?? ""] ?? row.side ?? ""}));
    for (const col of pivot.columns) tr.append(valueCell(docId, row.cells.get(col)));
    body.append(tr);
  });
  // One delegated listener: a toggle hides / shows the rows below its code.
  body.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.("button.bn-toggle") as HTMLButtonElement | null;
    if (!button) return;
    const tr = button.closest("tr") as HTMLTableRowElement;
    const index = Number(tr.dataset.index);
    const collapse = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!collapse));
    button.textContent = collapse ? "▸" : "▾";
    const rows = body.children;
    for (const i of descendants(pivot.rows, index)) {
      const other = rows[i] as HTMLElement;
      const count = Number(other.dataset.hiddenBy ?? 0) + (collapse ? 1 : -1);
      other.dataset.hiddenBy = String(Math.max(0, count));
      other.classList.toggle("bn-collapsed-row", count > 0);
    }
  });
  el.append(h("thead", {}, head), body);
  wrap.append(el);
  return wrap;
}

/** Every standard table of the document, in the order printed. */
export function tablesSection(docId: string, tables: R[], items: LineItem[], names: Map<string, string>): HTMLElement {
  const section = h("div", {id: "doc-tables"});
  if (!tables.length) {
    section.append(h("p", {className: "bn-note", text: "No standard tables were found in this document."}));
    return section;
  }
  const byTable = groupBy(items, (item) => item.table_id);
  const sorted = [...tables].sort((a, b) => (a.title_line ?? a.start_line) - (b.title_line ?? b.start_line));
  section.append(foldAll(section, sorted.length));
  sorted.forEach((table, index) => {
    const list = byTable.get(table.table_id) ?? [];
    // folded, each with its summary (rows, numbers, unit, lines); the first one open
    const details = h("details", {className: "bn-doc-section", data: {tableId: table.table_id, status: table.status}});
    details.open = index === 0;
    const summary = h(
      "summary",
      {},
      `${table.table_id} ${table.table_name ?? ""}`,
      h(
        "span",
        {className: "bn-sub"},
        table.status !== "ok" ? badge(table.status, `bn-status-${table.status}`) : null,
        ` ${table.rows ?? 0} rows · ${table.numbers ?? 0} numbers · ${table.unit ?? ""} · `,
        lineLink(docId, [table.start_line, table.end_line], `lines ${table.start_line}–${table.end_line}`)
      )
    );
    details.append(summary);
    if (table.message && (table.status !== "ok" || !/^\d+ rows, \d+ numbers$/.test(table.message))) {
      details.append(h("div", {className: "bn-message", text: table.message}));
    }
    if (table.status === "untrusted") {
      details.append(
        h("p", {
          className: "bn-note",
          text: "The numbers of this table are not shown: its labels and numbers do not belong together in the extracted text. Read it in the source."
        })
      );
    } else if (list.length) {
      details.append(standardTable(docId, table, list, names));
      if (list.some((i) => i.inferred))
        details.append(h("p", {className: "bn-note", text: "* a cell whose column was inferred (the extraction dropped empty cells); hover it for the rule."}));
    } else if (table.status === "no_data") {
      details.append(h("p", {className: "bn-note", text: "本表无数据 — the table has no data."}));
    }
    section.append(details);
  });
  return section;
}

/** "unfold all / fold all" for the sections (details) of `section`. */
function foldAll(section: HTMLElement, count: number): HTMLElement {
  const open = h("button", {type: "button", className: "bn-fold-all", text: `unfold all ${count}`});
  const close = h("button", {type: "button", className: "bn-fold-all", text: "fold all"});
  const set = (value: boolean) => {
    for (const d of section.querySelectorAll<HTMLDetailsElement>(":scope > details")) d.open = value;
  };
  open.addEventListener("click", () => set(true));
  close.addEventListener("click", () => set(false));
  return h("p", {className: "bn-fold-controls"}, open, " ", close);
}

/** Figures stated in the prose, grouped by section heading (in document order). */
export function factsSection(docId: string, facts: R[]): HTMLElement {
  const section = h("div", {id: "doc-facts"});
  if (!facts.length) {
    section.append(h("p", {className: "bn-note", text: "No figures were extracted from the prose."}));
    return section;
  }
  const sorted = [...facts].sort((a, b) => a.source_line - b.source_line);
  const groups = groupBy(sorted, (f) => (f.section ?? "(before the first heading)") as string);
  for (const [name, list] of groups) {
    const details = h("details", {className: "bn-doc-section"});
    details.open = groups.size <= 2;
    details.append(h("summary", {}, name, h("span", {className: "bn-sub", text: `${list.length} figure${list.length > 1 ? "s" : ""}`})));
    details.append(
      table(list, {
        columns: [
          {
            label: "subject",
            wrap: true,
            cell: (f) => [f.subject ?? "", f.code ? h("span", {className: "bn-code", text: ` ${f.code}`}) : null],
            title: (f) => f.sentence ?? undefined
          },
          {label: "measure", cell: (f) => MEASURE_LABEL[f.measure] ?? f.measure},
          {
            label: "value",
            align: "right",
            key: "value",
            cell: (f) =>
              lineLink(docId, f.source_line, `${num(f.value)} ${f.unit ?? ""}`.trim(), f.derived ? `derived: ${f.formula ?? ""}` : (f.sentence ?? undefined))
          },
          {label: "万元", align: "right", cell: (f) => (f.amount_wan != null ? lineLink(docId, f.source_line, money(f.amount_wan)) : "")},
          {label: "year", align: "right", cell: (f) => (f.year != null ? String(f.year) : "")},
          {
            label: "note",
            cell: (f) =>
              f.derived ? badge("derived", "bn-sev-info", f.formula ?? "") : f.rule ? badge("assumed", "bn-sev-warning", f.rule) : f.base ? `of ${f.base}` : ""
          }
        ],
        pageSize: 15
      })
    );
    section.append(details);
  }
  return section;
}

function target(i: R): string {
  const text = i.target_text ?? (i.target_value != null ? num(i.target_value) : "");
  const op = i.operator && i.operator !== "定性" && !String(text).startsWith(i.operator) ? i.operator : "";
  return `${op}${text}${i.unit && text && !String(text).endsWith(i.unit) ? ` ${i.unit}` : ""}`;
}

function actual(i: R): string {
  const text = i.actual_text ?? (i.actual_value != null ? num(i.actual_value) : "");
  return `${text}${i.unit && text && !String(text).endsWith(i.unit) ? ` ${i.unit}` : ""}`;
}

export function metBadge(met: boolean | null): HTMLElement {
  return met === true ? badge("met", "bn-sev-info") : met === false ? badge("unmet", "bn-unmet") : badge("—", "bn-sev-info", "not decidable");
}

/** Indicators of one project (or all): target vs actual, unmet ones highlighted. */
export function indicatorTable(docId: string, indicators: R[], withProject = false): HTMLDivElement {
  const cols: Column<R>[] = [
    ...(withProject ? [{label: "project", wrap: true, cell: (i: R) => i.project_name ?? ""}] : []),
    {label: "一级 / 二级", cell: (i: R) => [i.level1 ?? "", i.level2 ? ` / ${i.level2}` : ""]},
    {label: "indicator 三级指标", wrap: true, cell: (i: R) => lineLink(docId, i.source_line, i.indicator ?? "(unnamed)", i.source_text ?? undefined)},
    {label: "target", align: "right", cell: (i: R) => lineLink(docId, i.source_line, target(i))},
    {label: "actual", align: "right", key: "actual", cell: (i: R) => lineLink(docId, i.source_line, actual(i))},
    {label: "weight", align: "right", cell: (i: R) => num(i.weight)},
    {label: "score", align: "right", cell: (i: R) => num(i.score)},
    {label: "met", cell: (i: R) => metBadge(i.met), title: (i: R) => (i.met_rule ? `decided by: ${i.met_rule}` : undefined)},
    {label: "reason unmet 偏差原因", wrap: true, cell: (i: R) => i.reason_unmet ?? ""}
  ];
  return table(indicators, {columns: cols, rowClass: (i) => (i.met === false ? "bn-row-unmet" : undefined), rowData: (i) => ({met: String(i.met)})});
}

/** Projects (绩效 tables) with budget, execution and score, and their indicators. */
export function performanceSection(docId: string, projects: R[], indicators: R[]): HTMLElement {
  const section = h("div", {id: "doc-performance"});
  if (!projects.length) {
    section.append(h("p", {className: "bn-note", text: "No performance (绩效) tables were found."}));
    return section;
  }
  const byProject = groupBy(indicators, (i) => i.project_id);
  const sorted = [...projects].sort((a, b) => a.source_line - b.source_line);
  section.append(
    table(sorted, {
      columns: [
        {label: "project 项目", wrap: true, cell: (p) => lineLink(docId, p.source_line, p.project_name ?? "(unnamed)")},
        {
          label: "kind",
          cell: (p) =>
            ({self_evaluation: "自评 self-evaluation", target: "目标 target", department_overall: "部门整体 department"})[p.table_kind as string] ??
            p.table_kind
        },
        {label: "budget 万元", align: "right", cell: (p) => lineLink(docId, p.source_line, money(p.amount_wan), p.unit === "元" ? `printed in 元` : undefined)},
        {label: "executed 万元", align: "right", cell: (p) => lineLink(docId, p.source_line, money(p.executed_wan))},
        {label: "rate", align: "right", cell: (p) => pct(p.execution_rate)},
        {
          label: "score",
          align: "right",
          cell: (p) => (p.total_score != null ? `${num(p.total_score)}${p.total_weight != null ? ` / ${num(p.total_weight)}` : ""}` : "")
        },
        {label: "indicators", align: "right", cell: (p) => String(byProject.get(p.project_id)?.length ?? 0)},
        {
          label: "unmet",
          align: "right",
          cell: (p) => {
            const n = (byProject.get(p.project_id) ?? []).filter((i) => i.met === false).length;
            return n ? badge(String(n), "bn-unmet") : "0";
          }
        }
      ],
      pageSize: 15,
      rowClass: (p) => ((byProject.get(p.project_id) ?? []).some((i) => i.met === false) ? "bn-row-unmet" : undefined)
    })
  );
  // each project's indicators folded under a summary (how many, how many unmet), ten projects a page
  const withIndicators = sorted.filter((p) => byProject.get(p.project_id)?.length);
  if (!withIndicators.length) return section;
  section.append(h("h3", {text: "Indicators by project"}));
  section.append(
    paged(
      withIndicators,
      10,
      (page) => {
        const box = h("div");
        for (const p of page) {
          const list = byProject.get(p.project_id)!;
          const unmet = list.filter((i) => i.met === false).length;
          const details = h("details", {className: "bn-doc-section", data: {projectId: p.project_id, unmet}});
          details.append(
            h(
              "summary",
              {},
              p.project_name ?? "(unnamed)",
              h("span", {className: "bn-sub", text: `${list.length} indicators${unmet ? ` · ${unmet} unmet` : ""}`})
            )
          );
          details.append(
            indicatorTable(
              docId,
              [...list].sort((a, b) => a.indicator_index - b.indicator_index)
            )
          );
          box.append(details);
        }
        return box;
      },
      {id: "doc-indicators"}
    )
  );
  return section;
}

/** Findings in the order they are listed: errors, warnings, info, then by check id. */
export function sortChecks(checks: readonly R[]): R[] {
  const order: Record<string, number> = {error: 0, warning: 1, info: 2};
  return [...checks].sort(
    (a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3) || String(a.check_id).localeCompare(String(b.check_id), "en", {numeric: true})
  );
}

/** A document's findings, fifteen a page (every one printed). */
export function pagedChecks(docId: string, checks: readonly R[]): HTMLDivElement {
  return paged(sortChecks(checks), 15, (page) => checksTable(docId, page), {id: "doc-checks"});
}

/**
 * Audit findings: one row with the figures (rule, severity, subject, expected, actual,
 * difference, every line involved) and, below it, the message across the whole width.
 */
export function checksTable(docId: string | ((c: R) => string), checks: readonly R[], {withDocument}: {withDocument?: (c: R) => Node} = {}): HTMLDivElement {
  const idOf = typeof docId === "function" ? docId : () => docId;
  const sorted = sortChecks(checks);
  const labels = [...(withDocument ? ["document"] : []), "rule", "severity", "subject", "expected", "actual", "difference", "lines"];
  const numeric = new Set(["expected", "actual", "difference"]);
  const head = h("tr");
  for (const label of labels) head.append(h("th", {className: numeric.has(label) ? "bn-num" : undefined, text: label, attrs: {scope: "col"}}));
  const body = h("tbody");
  const fragment = document.createDocumentFragment();
  for (const c of sorted) {
    const data = {checkId: c.check_id, rule: c.rule, severity: c.severity, docId: c.doc_id};
    const tr = h("tr", {className: "bn-check", data});
    if (withDocument) tr.append(h("td", {}, withDocument(c)));
    tr.append(
      h("td", {}, h("code", {text: c.rule})),
      h("td", {}, severityBadge(c.severity)),
      h("td", {className: "bn-wrap", text: c.subject ?? ""}),
      h("td", {className: "bn-num", data: {key: "expected"}, text: num(c.expected)}),
      h("td", {className: "bn-num", data: {key: "actual"}, text: num(c.actual)}),
      h("td", {className: "bn-num", data: {key: "difference"}, text: num(c.difference)}),
      h("td", {className: "bn-check-lines"}, lineLinks(idOf(c), parseLines(c.source_lines), 6))
    );
    const message = h("tr", {className: "bn-check-message", data});
    message.append(h("td", {className: "bn-wrap", text: c.message ?? "", attrs: {colspan: String(labels.length)}}));
    fragment.append(tr, message);
  }
  body.append(fragment);
  return h("div", {className: "bn-table-wrap"}, h("table", {className: "bn-table bn-checks"}, h("thead", {}, head), body));
}

/** Residue: how many lines gave no number, by reason. */
export function residueSection(docId: string, residue: R[]): HTMLElement {
  const section = h("div", {id: "doc-residue"});
  const byReason = groupBy(residue, (r) => r.reason as string);
  section.append(
    h("p", {
      text: `${residue.length} line${residue.length === 1 ? "" : "s"} inside tables or with numbers produced no extracted number; each is kept with its reason.`
    })
  );
  const rows = [...byReason]
    .map(([reason, list]) => ({reason, lines: list.map((r) => r.source_line as number)}))
    .sort((a, b) => b.lines.length - a.lines.length);
  if (rows.length) {
    section.append(
      table(rows, {
        columns: [
          {label: "reason", wrap: true, cell: (r) => r.reason},
          {label: "lines", align: "right", cell: (r) => String(r.lines.length)},
          {label: "first lines", cell: (r) => lineLinks(docId, r.lines, 8)}
        ],
        pageSize: 10
      })
    );
  }
  return section;
}
