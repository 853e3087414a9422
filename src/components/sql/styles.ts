// Styles of the workbench and the result grid, injected once by the modules that need
// them (so notebooks get them too, and src/style.css stays untouched).
const CSS = `
.bn-grid { overflow: auto; border: 1px solid var(--bn-border); border-radius: 4px; position: relative; max-width: 100%; }
.bn-grid-table { margin: 0; max-width: none; border-collapse: collapse; table-layout: fixed; font-variant-numeric: tabular-nums; font-size: 13px; }
.bn-grid-table th, .bn-grid-table td { height: 25px; padding: 0 8px; border-bottom: 1px solid var(--bn-border); text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; box-sizing: border-box; }
.bn-grid-table thead th { position: sticky; top: 0; z-index: 1; background: var(--theme-background); border-bottom: 2px solid var(--bn-border); padding: 0; }
.bn-grid-table thead th button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 3px 8px; cursor: pointer; font-weight: 600; overflow: hidden; text-overflow: ellipsis; }
.bn-grid-table thead th button:focus-visible { outline: 2px solid var(--theme-foreground-focus); }
.bn-grid-table .bn-num, .bn-grid-table thead th.bn-num button { text-align: right; }
.bn-grid-table tr.bn-grid-pad td { padding: 0; border: 0; height: auto; }
.bn-grid-table tbody tr:hover td { background: color-mix(in srgb, var(--theme-foreground-focus) 8%, transparent); }
.bn-sql { --bn-sql-gap: 12px; }
.bn-sql-top { display: grid; grid-template-columns: minmax(200px, 260px) minmax(0, 1fr); gap: var(--bn-sql-gap); align-items: start; margin-top: var(--bn-sql-gap); }
@media (max-width: 760px) { .bn-sql-top { grid-template-columns: 1fr; } }
.bn-sql-schema { max-height: 470px; overflow: auto; font-size: 13px; border: 1px solid var(--bn-border); border-radius: 4px; padding: 4px 8px; }
.bn-sql-schema h3 { margin: 4px 0; font-size: 13px; }
.bn-sql-schema ul { list-style: none; padding-left: 12px; margin: 4px 0 8px; }
.bn-sql-schema li { margin: 3px 0; }
.bn-sql-ident { all: unset; cursor: pointer; font-family: var(--monospace); color: var(--theme-foreground-focus); }
.bn-sql-ident:hover { text-decoration: underline; }
.bn-sql-type, .bn-sql-muted { color: var(--theme-foreground-muted); font-family: var(--monospace); font-size: 11px; }
.bn-sql-desc { color: var(--theme-foreground-muted); font-size: 12px; margin: 1px 0 4px; max-width: none; }
.bn-sql-editor .cm-editor { border: 1px solid var(--bn-border); border-radius: 4px; min-height: 220px; max-height: 420px; font-size: 13px; background: var(--theme-background); }
.bn-sql-editor .cm-editor.cm-focused { outline: 2px solid color-mix(in srgb, var(--theme-foreground-focus) 50%, transparent); }
.bn-sql-editor .cm-scroller { font-family: var(--monospace); overflow: auto; }
.bn-sql-editor .cm-content { caret-color: var(--theme-foreground); }
.bn-sql-editor .cm-gutters { background: transparent; color: var(--theme-foreground-muted); border-right: 1px solid var(--bn-border); }
.bn-sql-editor .cm-activeLine { background: color-mix(in srgb, var(--theme-foreground-focus) 6%, transparent); }
.bn-sql-editor .cm-bn-error-line { background: color-mix(in srgb, #d32f2f 22%, transparent); }
.bn-sql-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 8px 0 0; }
.bn-sql-toolbar button, .bn-sql-builder button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--bn-border); border-radius: 4px; background: var(--theme-background-alt); color: var(--theme-foreground); cursor: pointer; }
.bn-sql-toolbar button:disabled, .bn-sql-builder button:disabled { opacity: 0.5; cursor: default; }
.bn-sql-toolbar .bn-sql-primary { background: var(--theme-foreground-focus); color: white; border-color: transparent; font-weight: 600; }
.bn-sql-toolbar input { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--bn-border); border-radius: 4px; background: var(--theme-background); color: var(--theme-foreground); width: 14em; }
.bn-sql-sep { color: var(--theme-foreground-muted); font-size: 12px; margin-left: 8px; }
.bn-sql-gallery-wrap summary { cursor: pointer; font-weight: 600; }
.bn-sql-gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; margin-top: 8px; }
.bn-sql-example { all: unset; box-sizing: border-box; cursor: pointer; border: 1px solid var(--bn-border); border-radius: 6px; padding: 8px 10px; display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
.bn-sql-example:hover, .bn-sql-example:focus-visible { border-color: var(--theme-foreground-focus); }
.bn-sql-example span { color: var(--theme-foreground-muted); font-size: 12px; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.bn-sql-builder { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 4px 0 10px; font-size: 13px; }
.bn-sql-builder label { display: flex; flex-direction: column; gap: 2px; }
.bn-sql-builder label span { color: var(--theme-foreground-muted); font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; }
.bn-sql-builder select { font: inherit; max-width: 14em; }
.bn-sql-spec textarea { width: 100%; font-family: var(--monospace); font-size: 12px; box-sizing: border-box; }
.bn-sql-results h2 { font-size: 16px; margin: 18px 0 6px; }
.bn-sql pre.bn-error { margin: 8px 0; }
`;

let injected = false;

export function injectStyles(): void {
  if (injected || typeof document === "undefined") return;
  injected = true;
  const style = document.createElement("style");
  style.dataset.bn = "sql";
  style.textContent = CSS;
  document.head.append(style);
}
