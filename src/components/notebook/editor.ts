// The notebook page (/notebook): a reader adds, edits, orders and deletes cells — SQL
// (the workbench's CodeMirror editor with completion), a chart of a SQL cell's result
// (the workbench's chart builder), Markdown that quotes results ({{name.column}}) — runs
// them in the browser, keeps the whole notebook in the URL (#nb=…, state.ts), opens
// the notebooks of src/notebooks/, and exports a page for src/notebooks/ (sql/notebook.ts).
import {download, h} from "../dom.js";
import {COUNT, MARKS, isMark} from "../sql/chart-spec.js";
import {sqlEditor, type SchemaTable} from "../sql/editor.js";
import {notebookFileName, notebookPage} from "../sql/notebook.js";
import type {QueryResult} from "../sql/results.js";
import {siteDataVersion, versionWarning} from "../version.js";
import {cellOutput, runSqlCell} from "./run.js";
import {decodeNotebook, encodeNotebook, moveCell, newCell, toNotebook, type Cell, type ChartCell, type Notebook} from "./state.js";

export interface ListedNotebook {
  path: string;
  title: string;
  notebook: Notebook;
}

const KIND_LABEL = {sql: "SQL", chart: "Chart", md: "Text"} as const;
const CHART_KEYS = ["x", "y", "color", "facet"] as const;

export function notebookEditor({schema, listed, width}: {schema: SchemaTable[]; listed: ListedNotebook[]; width: () => number}): HTMLDivElement & {ready: Promise<void>} {
  let notebook: Notebook = {title: "Notebook", cells: []};
  let linkError: Error | null = null;
  try {
    notebook = decodeNotebook(location.hash) ?? starter();
  } catch (error) {
    linkError = error as Error;
    notebook = starter();
  }
  const linkVersion = notebook.v;
  const results = new Map<string, QueryResult | Error | undefined>();

  const root = h("div", {className: "bn-nb"}) as HTMLDivElement & {ready: Promise<void>};
  const title = h("input", {type: "text", id: "nb-title", value: notebook.title, "aria-label": "notebook title"});
  const button = (id: string, text: string, onClick: () => void, className?: string) => {
    const b = h("button", {type: "button", id, text, className});
    b.addEventListener("click", onClick);
    return b;
  };
  const open = h("select", {id: "nb-open", "aria-label": "open a notebook"}, h("option", {value: "", text: "Open a notebook…"}), listed.map((n) => h("option", {value: n.path, text: n.title})));
  const status = h("p", {className: "bn-status", id: "nb-status", "aria-live": "polite"});
  const cellsEl = h("div", {id: "nb-cells"});
  const toolbar = h(
    "div",
    {className: "bn-sql-toolbar bn-nb-toolbar"},
    title,
    button("nb-add-sql", "+ SQL", () => add("sql")),
    button("nb-add-chart", "+ Chart", () => add("chart")),
    button("nb-add-md", "+ Text", () => add("md")),
    button("nb-run", "Run all ▶", () => void runAll(), "bn-sql-primary"),
    button("nb-share", "Copy link", () => void share()),
    button("nb-export", "Export page", exportPage),
    open
  );
  const warning = versionWarning(linkVersion);
  if (warning) warning.id = "nb-version-warning";
  root.append(...[warning, linkError ? h("p", {className: "bn-error", role: "alert", text: linkError.message}) : null].filter((x): x is HTMLElement => x != null), toolbar, status, cellsEl);

  function starter(): Notebook {
    const sql = newCell("sql", []);
    return {title: "Notebook", cells: [{id: "c0", kind: "md", text: "# A question\n\nSay what the query answers; quote its figures as {{q1.column}}."}, sql]};
  }

  function writeUrl(): void {
    notebook = {...notebook, title: title.value.trim() || "Notebook", v: siteDataVersion() || notebook.v};
    history.replaceState(history.state, "", `${location.pathname}${location.search}#${encodeNotebook(notebook)}`);
  }

  function setCells(cells: Cell[]): void {
    notebook = {...notebook, cells};
    writeUrl();
    render();
  }

  function add(kind: Cell["kind"]): void {
    setCells([...notebook.cells, newCell(kind, notebook.cells)]);
  }

  function update(id: string, patch: Partial<Cell>, redraw = false): void {
    notebook = {...notebook, cells: notebook.cells.map((c) => (c.id === id ? ({...c, ...patch} as Cell) : c))};
    writeUrl();
    if (redraw) refreshOutputs();
  }

  const outputs = new Map<string, HTMLElement>();
  const chartControls = new Map<string, () => void>();

  function refreshOutputs(): void {
    for (const cell of notebook.cells) outputs.get(cell.id)?.replaceChildren(cellOutput(cell, results, width()));
    for (const refresh of chartControls.values()) refresh();
  }

  function chartEditor(cell: ChartCell): HTMLElement {
    const current = () => notebook.cells.find((c) => c.id === cell.id) as ChartCell;
    const source = h("select", {className: "bn-nb-source", "aria-label": "result to draw"});
    const mark = h("select", {className: "bn-nb-mark", "aria-label": "mark"}, MARKS.map((m) => h("option", {value: m, text: m})));
    const selects = Object.fromEntries(CHART_KEYS.map((k) => [k, h("select", {className: `bn-nb-${k}`, "aria-label": k})])) as Record<(typeof CHART_KEYS)[number], HTMLSelectElement>;
    const fill = () => {
      const c = current();
      if (!c) return;
      const names = notebook.cells.flatMap((x) => (x.kind === "sql" ? [x.name] : []));
      source.replaceChildren(...[...new Set([...names, c.source])].map((n) => h("option", {value: n, text: n})));
      source.value = c.source;
      mark.value = c.mark;
      const result = results.get(c.source);
      const fields = result && !(result instanceof Error) ? result.fields.map((f) => f.name) : [];
      for (const key of CHART_KEYS) {
        const value = c[key];
        const choices = [...new Set([...fields, ...(key === "y" ? [COUNT] : []), ...(value ? [value] : [])])];
        selects[key].replaceChildren(h("option", {value: "", text: `${key}: —`}), ...choices.map((n) => h("option", {value: n, text: `${key}: ${n}`})));
        selects[key].value = value ?? "";
      }
    };
    fill();
    chartControls.set(cell.id, fill);
    source.addEventListener("change", () => update(cell.id, {source: source.value}, true));
    mark.addEventListener("change", () => update(cell.id, {mark: isMark(mark.value) ? mark.value : "bar"}, true));
    for (const key of CHART_KEYS) selects[key].addEventListener("change", () => update(cell.id, {[key]: selects[key].value || undefined}, true));
    return h("div", {className: "bn-sql-builder"}, source, mark, Object.values(selects));
  }

  function cellView(cell: Cell, index: number): HTMLElement {
    const controls = h(
      "span",
      {className: "bn-nb-controls"},
      button(`${cell.id}-up`, "↑", () => setCells(moveCell(notebook.cells, index, -1)), "bn-nb-up"),
      button(`${cell.id}-down`, "↓", () => setCells(moveCell(notebook.cells, index, 1)), "bn-nb-down"),
      button(`${cell.id}-delete`, "✕", () => setCells(notebook.cells.filter((c) => c.id !== cell.id)), "bn-nb-delete")
    );
    const head = h("div", {className: "bn-nb-head"}, h("strong", {text: KIND_LABEL[cell.kind]}));
    let editorEl: HTMLElement;
    if (cell.kind === "sql") {
      const name = h("input", {type: "text", className: "bn-nb-name", value: cell.name, "aria-label": "result name", title: "quote its figures as {{name.column}}"});
      name.addEventListener("change", () => {
        if (/^[A-Za-z_]\w*$/.test(name.value)) update(cell.id, {name: name.value});
        else name.value = (notebook.cells.find((c) => c.id === cell.id) as {name: string}).name;
      });
      head.append(" ", name);
      const editor = sqlEditor({doc: cell.sql, tables: schema, onRun: () => void runAll(), onChange: (sql) => update(cell.id, {sql})});
      editorEl = editor.element;
    } else if (cell.kind === "chart") editorEl = chartEditor(cell);
    else {
      const text = h("textarea", {className: "bn-nb-text", value: cell.text, rows: Math.max(3, cell.text.split("\n").length + 1), "aria-label": "Markdown text", spellcheck: false});
      text.addEventListener("input", () => update(cell.id, {text: text.value}, true));
      editorEl = text;
    }
    head.append(controls);
    const output = h("div", {className: "bn-nb-output-slot"}, cellOutput(cell, results, width()));
    outputs.set(cell.id, output);
    return h("section", {className: "bn-nb-cell", id: cell.id, data: {cell: cell.id, kind: cell.kind}}, head, h("div", {className: "bn-nb-editor bn-print-hide"}, editorEl), output);
  }

  function render(): void {
    outputs.clear();
    chartControls.clear();
    cellsEl.replaceChildren(...notebook.cells.map(cellView));
  }

  async function runAll(): Promise<void> {
    status.classList.add("bn-loading");
    status.textContent = "Running…";
    const started = performance.now();
    results.clear();
    for (const cell of notebook.cells) if (cell.kind === "sql") results.set(cell.name, undefined);
    let failed = 0;
    for (const cell of notebook.cells) {
      if (cell.kind !== "sql") continue;
      try {
        results.set(cell.name, await runSqlCell(cell));
      } catch (error) {
        failed++;
        results.set(cell.name, error instanceof Error ? error : new Error(String(error)));
      }
    }
    refreshOutputs();
    const n = notebook.cells.filter((c) => c.kind === "sql").length;
    status.textContent = `${n} quer${n === 1 ? "y" : "ies"} run in ${Math.round(performance.now() - started)} ms${failed ? ` · ${failed} failed` : ""}`;
    status.classList.remove("bn-loading");
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
  }

  async function share(): Promise<void> {
    writeUrl();
    const shareButton = root.querySelector<HTMLButtonElement>("#nb-share")!;
    try {
      await navigator.clipboard.writeText(location.href);
      shareButton.textContent = "Copied ✓";
    } catch {
      shareButton.textContent = "Copy the address bar";
    }
    setTimeout(() => (shareButton.textContent = "Copy link"), 1500);
  }

  function exportPage(): void {
    writeUrl();
    download(notebookPage(notebook), notebookFileName(notebook.title), "text/markdown;charset=utf-8");
  }

  title.addEventListener("change", writeUrl);
  open.addEventListener("change", () => {
    const chosen = listed.find((n) => n.path === open.value);
    if (!chosen) return;
    notebook = toNotebook({...chosen.notebook, v: siteDataVersion()});
    title.value = notebook.title;
    open.value = "";
    writeUrl();
    render();
    void runAll();
  });
  window.addEventListener("hashchange", () => {
    const next = decodeNotebook(location.hash);
    if (!next || encodeNotebook(next) === encodeNotebook(notebook)) return;
    notebook = next;
    title.value = notebook.title;
    render();
    void runAll();
  });

  render();
  root.ready = runAll();
  return root;
}
