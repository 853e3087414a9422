// The SQL workbench (/sql): editor with schema-aware completion, schema browser,
// gallery, result grid, chart builder, exports, shareable URL and "save as notebook".
// Everything user-supplied (query text, results, labels, errors) is rendered as text.
import {FileAttachment} from "observablehq:stdlib";
import {chart, type ChartElement} from "../chart.js";
import {loadAggregates} from "../aggregates-file.js";
// DuckDB-WASM's side (corpus, db, results: Apache Arrow) and the notebook module (fflate) are
// imported when first needed: not preloaded with the page, before the first chart's picture
import type {CorpusTable, LoadedTable} from "../corpus.js";
import {download, h} from "../dom.js";
import {staticChart} from "../static-chart.js";
import {siteDataVersion, versionWarning} from "../version.js";
import {COUNT, MARKS, chartSpec, defaultChoices, isMark, type ChartChoices} from "./chart-spec.js";
// the editor (CodeMirror) is imported when the workbench starts, not before its first result
import type {Dictionary, SchemaTable, SqlEditor} from "./editor.js";
import {errorPosition} from "./errors.js";
import {CORPUS_OVERVIEW, EXAMPLES, exampleChoices, type Example} from "./gallery.js";
import {resultGrid} from "./grid.js";
import {DEFAULT_CHOICES, precomputedResult} from "./precomputed.js";
import type {QueryResult} from "./results.js";
import {decodeState, encodeState, hasViewState, type WorkbenchState} from "./share.js";

/** The schema from the data dictionary (`dictionarySchema`), each table with its row count from the precomputed aggregates: no table is loaded to show it. */
function tableSchema(schema: SchemaTable[], counts: Map<string, number>, corpusTables: readonly CorpusTable[]): (SchemaTable & {rows: number})[] {
  const order = (name: string) => {
    const i = corpusTables.indexOf(name as never);
    return i < 0 ? 99 : i;
  };
  return schema
    .filter((t) => corpusTables.includes(t.name as never))
    .map((t) => ({...t, rows: counts.get(t.name) ?? 0}))
    .sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
}

const MB = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

/** "line_items 1,434 rows (0.38 MB)": what loading tables into DuckDB-WASM cost. */
export function loadedReport(tables: LoadedTable[]): string {
  if (!tables.length) return "No table loaded yet: a query loads only the tables it names.";
  const rows = tables.reduce((s, t) => s + t.rows, 0);
  const bytes = tables.reduce((s, t) => s + t.bytes, 0);
  const each = tables.map((t) => `${t.name} ${t.rows.toLocaleString("en-US")} rows (${MB(t.bytes)})`).join(" · ");
  return `Loaded into DuckDB-WASM: ${each} — ${tables.length} table${tables.length === 1 ? "" : "s"}, ${rows.toLocaleString("en-US")} rows, ${MB(bytes)}.`;
}

function schemaBrowser(tables: (SchemaTable & {rows: number})[], editor: () => SqlEditor | undefined): HTMLElement {
  const root = h("nav", {className: "bn-sql-schema", id: "sql-schema", "aria-label": "tables and columns"});
  root.append(h("h3", {textContent: "Tables"}));
  for (const table of tables) {
    const details = h("details", {"data-table": table.name});
    const summary = h("summary");
    const insertTable = h("button", {type: "button", className: "bn-sql-ident", textContent: table.name, title: `insert ${table.name}`});
    insertTable.addEventListener("click", (event) => {
      event.preventDefault();
      editor()?.insert(table.name);
    });
    summary.append(insertTable, h("span", {className: "bn-sql-muted", textContent: ` ${table.rows.toLocaleString("en-US")} rows`}));
    details.append(summary);
    if (table.description) details.append(h("p", {className: "bn-sql-desc", textContent: table.description}));
    const list = h("ul");
    for (const column of table.columns) {
      const insert = h("button", {type: "button", className: "bn-sql-ident", textContent: column.name, title: `insert ${column.name}`});
      insert.addEventListener("click", () => editor()?.insert(column.name));
      const item = h("li", {"data-column": column.name}, insert, h("span", {className: "bn-sql-type", textContent: ` ${column.type}`}));
      if (column.description) item.append(h("div", {className: "bn-sql-desc", textContent: column.description}));
      list.append(item);
    }
    details.append(list);
    root.append(details);
  }
  return root;
}

export interface Workbench extends HTMLDivElement {
  run(): Promise<void>;
  /** replaces the query text (tests, links); does not run it */
  setQuery(sql: string): void;
  ready: Promise<void>;
}

export function workbench(): Workbench {
  const root = h("div", {className: "bn-sql"}) as Workbench;
  const initial = decodeState(location.hash);
  let editor: SqlEditor | undefined;
  /** The query text until the editor is there. */
  let pendingSql = initial.sql ?? EXAMPLES[0].sql;
  let result: QueryResult | null = null;
  let choices: ChartChoices = {mark: isMark(initial.mark) ? initial.mark : "bar"};
  let exampleId = "";
  let runs = 0;

  // ---- gallery
  const gallery = h("div", {className: "bn-sql-gallery", id: "sql-gallery"});
  for (const example of EXAMPLES) {
    const button = h("button", {type: "button", className: "bn-sql-example", "data-example": example.id, title: example.question});
    button.append(h("strong", {textContent: example.title}), h("span", {textContent: example.question}));
    button.addEventListener("click", () => loadExample(example));
    gallery.append(button);
  }
  const galleryDetails = h("details", {className: "bn-sql-gallery-wrap", open: !initial.sql});
  galleryDetails.append(h("summary", {textContent: `Example queries (${EXAMPLES.length})`}), gallery);

  // ---- editor and toolbar
  const editorSlot = h("div", {className: "bn-sql-editor-slot"});
  const runButton = h("button", {type: "button", id: "sql-run", className: "bn-sql-primary", textContent: "Run ▶", title: "Ctrl/Cmd-Enter", disabled: true});
  const shareButton = h("button", {type: "button", id: "sql-share", textContent: "Copy link"});
  const exportCsv = h("button", {type: "button", id: "sql-export-csv", textContent: "CSV", disabled: true});
  const exportArrow = h("button", {type: "button", id: "sql-export-arrow", textContent: "Arrow", disabled: true});
  const exportParquet = h("button", {type: "button", id: "sql-export-parquet", textContent: "Parquet", disabled: true});
  const titleInput = h("input", {type: "text", id: "sql-notebook-title", value: "", placeholder: "notebook title", "aria-label": "notebook title"});
  const saveNotebook = h("button", {type: "button", id: "sql-save-notebook", textContent: "Save as notebook", disabled: true});
  const toolbar = h(
    "div",
    {className: "bn-sql-toolbar"},
    runButton,
    shareButton,
    h("span", {className: "bn-sql-sep", textContent: "Export"}),
    exportCsv,
    exportArrow,
    exportParquet,
    h("span", {className: "bn-sql-sep"}),
    titleInput,
    saveNotebook
  );
  const status = h("p", {className: "bn-status bn-loading", id: "sql-status", textContent: "Loading the workbench…", "aria-live": "polite"});
  const loadedLine = h("p", {className: "bn-status bn-sql-loaded", id: "sql-loaded", textContent: loadedReport([])});
  const errorSlot = h("div", {id: "sql-error-slot"});
  const schemaSlot = h("div", {className: "bn-sql-schema-slot bn-loading"}, h("p", {className: "bn-status", textContent: "Loading tables…"}));
  const main = h("div", {className: "bn-sql-main"}, editorSlot, toolbar, status, loadedLine, errorSlot);
  const top = h("div", {className: "bn-sql-top"}, schemaSlot, main);

  // ---- results and chart
  const gridSlot = h("div", {id: "sql-grid-slot"});
  const selects: Record<keyof ChartChoices, HTMLSelectElement> = {
    mark: h("select", {id: "sql-mark", "aria-label": "mark"}),
    x: h("select", {id: "sql-x", "aria-label": "x"}),
    y: h("select", {id: "sql-y", "aria-label": "y"}),
    color: h("select", {id: "sql-color", "aria-label": "color"}),
    facet: h("select", {id: "sql-facet", "aria-label": "facet"})
  };
  for (const mark of MARKS) selects.mark.append(h("option", {value: mark, textContent: mark}));
  const builder = h("div", {className: "bn-sql-builder", id: "sql-builder"});
  for (const key of Object.keys(selects) as (keyof ChartChoices)[]) {
    builder.append(h("label", {}, h("span", {textContent: key}), selects[key]));
    selects[key].addEventListener("change", () => {
      const value = selects[key].value;
      choices = {...choices, [key]: value || undefined} as ChartChoices;
      drawChart();
      writeUrl();
    });
  }
  const copySpec = h("button", {type: "button", id: "sql-copy-spec", textContent: "Copy Vega-Lite spec", disabled: true});
  builder.append(copySpec);
  const chartSlot = h("div", {id: "sql-chart-slot", className: "bn-sql-chart"});
  const specText = h("textarea", {id: "sql-spec", readOnly: true, rows: 12, spellcheck: false, "aria-label": "Vega-Lite spec"});
  const specDetails = h("details", {className: "bn-sql-spec"}, h("summary", {textContent: "Vega-Lite spec (JSON)"}), specText);
  const resultSection = h(
    "section",
    {className: "bn-sql-results"},
    h("h2", {textContent: "Result"}),
    gridSlot,
    h("h2", {textContent: "Chart"}),
    builder,
    chartSlot,
    specDetails
  );

  const warning = versionWarning(initial.v);
  if (warning) warning.id = "sql-version-warning";
  root.append(...(warning ? [warning] : []), galleryDetails, top, resultSection);

  function setStatus(text: string, loading = false): void {
    status.textContent = text;
    status.classList.toggle("bn-loading", loading);
  }

  function state(): WorkbenchState {
    return {sql: editor?.getValue() ?? pendingSql, ...choices, v: siteDataVersion() || undefined};
  }

  function writeUrl(): void {
    const hash = encodeState(state());
    history.replaceState(history.state, "", `${location.pathname}${location.search}#${hash}`);
  }

  function fillSelect(select: HTMLSelectElement, names: string[], value: string | undefined, optional: boolean, extra: string[] = []) {
    select.replaceChildren();
    if (optional) select.append(h("option", {value: "", textContent: "—"}));
    for (const name of [...names, ...extra]) select.append(h("option", {value: name, textContent: name}));
    select.value = value ?? "";
  }

  function updateBuilder(): void {
    const names = result?.fields.map((f) => f.name) ?? [];
    selects.mark.value = choices.mark;
    fillSelect(selects.x, names, choices.x, true);
    fillSelect(selects.y, names, choices.y, true, [COUNT]);
    fillSelect(selects.color, names, choices.color, true);
    fillSelect(selects.facet, names, choices.facet, true);
  }

  let currentChart: ChartElement | null = null;
  /** The build's picture of the default query's chart (sql.md's HTML), handed to the first chart drawn from the precomputed result. */
  let picture: HTMLElement | null = null;
  function drawChart(): void {
    chartSlot.replaceChildren();
    currentChart = null;
    specText.value = "";
    copySpec.disabled = true;
    if (!result) return;
    const width = Math.max(320, chartSlot.clientWidth || root.clientWidth || 800);
    const spec = chartSpec(result.rows, result.fields, choices, {width});
    if (!spec) {
      chartSlot.append(h("p", {className: "bn-status", textContent: "Choose x and y to draw a chart."}));
      return;
    }
    specText.value = JSON.stringify(spec, (key, value) => (key === "datasets" ? {result: `(${result!.rows.length} rows)`} : value), 2);
    copySpec.disabled = false;
    currentChart = chart(
      spec as never,
      spec.facet ? {placeholder: picture} : {width, renderer: result.rows.length > 2000 ? "canvas" : "svg", placeholder: picture}
    );
    picture = null;
    currentChart.id = "sql-chart";
    currentChart.ready.catch(() => {});
    chartSlot.append(currentChart);
  }

  /** Shows a result: grid, status ("5 rows · 6 columns · <how>"), chart builder and chart. */
  function show(next: QueryResult, how: string): void {
    result = next;
    choices = defaultChoices(result.fields, choices);
    const grid = resultGrid(result.rows, result.fields);
    grid.id = "sql-grid";
    gridSlot.replaceChildren(grid);
    root.dataset.rows = String(result.rows.length);
    setStatus(
      `${result.rows.length.toLocaleString("en-US")} row${result.rows.length === 1 ? "" : "s"} · ${result.fields.length} column${result.fields.length === 1 ? "" : "s"} · ${how}`
    );
    for (const b of [exportCsv, exportArrow, exportParquet, saveNotebook]) b.disabled = false;
    updateBuilder();
    drawChart();
    writeUrl();
  }

  async function run(): Promise<void> {
    if (!editor) return;
    const sql = editor.getValue();
    const mine = ++runs;
    errorSlot.replaceChildren();
    editor.markError(null);
    setStatus("Running…", true);
    runButton.disabled = true;
    try {
      const [{loadCorpus, loadedTables}, {runQuery}, {tablesIn}] = await Promise.all([import("../corpus.js"), import("./results.js"), import("./notebook.js")]);
      // Only the tables this query names are loaded (once per page).
      const names = tablesIn(sql);
      if (names.length) setStatus(`Loading ${names.join(", ")}…`, true);
      await loadCorpus(names as never);
      const tables = await loadedTables();
      loadedLine.textContent = loadedReport(tables);
      loadedLine.dataset.tables = tables.map((t) => t.name).join(",");
      loadedLine.dataset.rows = String(tables.reduce((s, t) => s + t.rows, 0));
      loadedLine.dataset.bytes = String(tables.reduce((s, t) => s + t.bytes, 0));
      setStatus("Running…", true);
      const next = await runQuery(sql);
      if (mine !== runs) return;
      show(next, `${next.ms.toFixed(0)} ms`);
      root.dataset.source = "duckdb";
    } catch (error) {
      if (mine !== runs) return;
      const message = error instanceof Error ? error.message : String(error);
      const box = h("pre", {className: "bn-error", id: "sql-error", role: "alert"});
      box.textContent = message;
      const position = errorPosition(message);
      if (position) {
        editor.markError(position.line, position.column);
        box.dataset.line = String(position.line);
        box.prepend(`Line ${position.line}${position.column ? `, column ${position.column}` : ""}\n`);
      }
      errorSlot.append(box);
      setStatus("The query failed.");
    } finally {
      if (mine === runs) runButton.disabled = false;
    }
  }

  function loadExample(example: Example): void {
    exampleId = example.id;
    titleInput.value = example.title;
    if (editor) editor.setValue(example.sql);
    else pendingSql = example.sql;
    choices = exampleChoices(example);
    void run();
  }

  function applyState(next: WorkbenchState): void {
    if (next.sql) editor?.setValue(next.sql);
    choices = {mark: isMark(next.mark) ? next.mark : "bar", x: next.x, y: next.y, color: next.color, facet: next.facet};
    exampleId = EXAMPLES.find((e) => e.sql === next.sql)?.id ?? "";
    titleInput.value = EXAMPLES.find((e) => e.id === exampleId)?.title ?? titleInput.value;
  }

  // ---- exports (the Arrow and Parquet writers are imported on the first click)
  const base = () => exampleId || "query";
  const exporting = (make: (exports: typeof import("./export.js"), r: QueryResult) => [BlobPart, string, string]) => () => {
    const r = result;
    if (!r) return;
    import("./export.js").then(
      (exports) => download(...make(exports, r)),
      (error: unknown) => errorSlot.replaceChildren(h("pre", {className: "bn-error", role: "alert", textContent: String(error)}))
    );
  };
  exportCsv.addEventListener(
    "click",
    exporting(({toCSV}, r) => [toCSV(r.rows, r.fields), `${base()}.csv`, "text/csv;charset=utf-8"])
  );
  exportArrow.addEventListener(
    "click",
    exporting(({toArrow}, r) => [toArrow(r.rows, r.fields) as BlobPart, `${base()}.arrow`, "application/vnd.apache.arrow.file"])
  );
  exportParquet.addEventListener(
    "click",
    exporting(({toParquet}, r) => [toParquet(r.rows, r.fields) as BlobPart, `${base()}.parquet`, "application/vnd.apache.parquet"])
  );
  saveNotebook.addEventListener("click", async () => {
    const title = titleInput.value.trim() || "Query";
    const example = EXAMPLES.find((e) => e.id === exampleId && e.sql === editor?.getValue());
    const {notebookFileName, notebookMarkdown} = await import("./notebook.js");
    const md = notebookMarkdown({title, sql: editor?.getValue() ?? "", chart: choices, description: example?.question}, siteDataVersion() || undefined);
    download(md, notebookFileName(title === "Query" ? base() : title), "text/markdown;charset=utf-8");
  });

  async function copyText(text: string, fallback: HTMLTextAreaElement | null, button: HTMLButtonElement, label: string) {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied ✓";
    } catch {
      if (fallback) {
        fallback.closest("details")?.setAttribute("open", "");
        fallback.focus();
        fallback.select();
      }
      button.textContent = document.execCommand?.("copy") ? "Copied ✓" : "Select and copy ↓";
    }
    setTimeout(() => (button.textContent = label), 1500);
  }
  copySpec.addEventListener("click", () => {
    if (!result) return;
    const spec = chartSpec(result.rows, result.fields, choices, {width: chartSlot.clientWidth || 800});
    if (spec) void copyText(JSON.stringify(spec, null, 2), specText, copySpec, "Copy Vega-Lite spec");
  });
  shareButton.addEventListener("click", () => {
    writeUrl();
    void copyText(location.href, null, shareButton, "Copy link");
  });

  window.addEventListener("hashchange", () => {
    const next = decodeState(location.hash);
    if (next.sql && next.sql !== editor?.getValue()) {
      applyState(next);
      void run();
    }
  });

  runButton.addEventListener("click", () => void run());

  root.run = run;
  root.setQuery = (sql) => (editor ? editor.setValue(sql) : void (pendingSql = sql));
  root.ready = (async () => {
    const started = performance.now();
    // The aggregates (row counts, the default query's precomputed result), the data dictionary,
    // the editor's module (CodeMirror) and the corpus module (the tables' names), all requested
    // at once; the default result is painted as soon as the aggregates are read, before the
    // editor is built.
    const aggregatesLoaded = loadAggregates();
    const dictionaryLoaded = FileAttachment("../../data/sql-schema.json").json() as Promise<Dictionary>;
    const editorLoaded = import("./editor.js");
    const corpusLoaded = import("../corpus.js");
    for (const p of [aggregatesLoaded, dictionaryLoaded, editorLoaded, corpusLoaded]) p.catch(() => {});
    try {
      const first = EXAMPLES[0];
      if (!initial.sql) {
        exampleId = first.id;
        titleInput.value = first.title;
        choices = DEFAULT_CHOICES;
      }
      const aggregates = await aggregatesLoaded;
      const precomputed = aggregates.sqlDefault;
      const paintPrecomputed = !initial.sql && precomputed?.length && pendingSql === CORPUS_OVERVIEW.sql;
      // the picture shows the default query's chart: taken by its first drawing, or removed when the URL names a query or a chart
      picture = staticChart(!!paintPrecomputed && !hasViewState(initial));
      if (paintPrecomputed) {
        // The default query's result as the data loader computed it (same SQL, DuckDB in Node):
        // painted at once; DuckDB-WASM starts in the background for the next query.
        show(precomputedResult(precomputed), "computed when the site was built (Run ▶ reruns it in DuckDB-WASM)");
        root.dataset.source = "precomputed";
      }
      // The editor and a first schema (from the data dictionary); DuckDB's own
      // types replace it once every table is registered.
      const [dictionary, {dictionarySchema, sqlEditor}, {CORPUS_TABLES}] = await Promise.all([dictionaryLoaded, editorLoaded, corpusLoaded]);
      const dictTables = dictionarySchema(dictionary);
      editor = sqlEditor({doc: pendingSql, tables: dictTables, onRun: () => void run()});
      editorSlot.append(editor.element);
      runButton.disabled = false;
      if (initial.sql) applyState(initial);
      // The schema browser from the dictionary and the aggregates' row counts (no table loaded for it).
      const tables = tableSchema(dictTables, new Map(aggregates.tables.map((t) => [t.name, t.rows])), CORPUS_TABLES);
      editor.setSchema(tables);
      schemaSlot.replaceChildren(schemaBrowser(tables, () => editor));
      schemaSlot.classList.remove("bn-loading");
      root.dataset.schema = "dictionary";
      if (paintPrecomputed) {
        const warm = () => void import("../db.js").then(({database}) => database()).catch(() => {});
        if ("requestIdleCallback" in window) requestIdleCallback(warm, {timeout: 2000});
        else setTimeout(warm, 500);
      } else {
        // The first query loads only the tables it names.
        await run();
      }
      performance.mark("bn:sql-first-result");
      root.dataset.startMs = (performance.now() - started).toFixed(0);
    } catch (error) {
      // no chart will take the build's picture: it goes with the rest of the default view
      picture?.remove();
      staticChart(false);
      setStatus("The workbench could not start.", false);
      schemaSlot.classList.remove("bn-loading");
      const box = h("pre", {className: "bn-error", role: "alert"});
      box.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      errorSlot.append(box);
    }
  })();
  return root;
}
