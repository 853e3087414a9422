// Downloads made in the browser, on demand, from the Arrow IPC stream the site ships for
// each table (data/corpus/<table>.arrows, what the pages load into DuckDB-WASM): the
// Arrow IPC file (.arrow: pandas' and R's read_feather, polars) and CSV. The build ships
// the stream and Parquet only, so a corpus of thousands of documents does not carry
// every table three more times; these cost nothing until someone asks for them.
import {tableFromIPC, tableToIPC, type Table} from "apache-arrow";
import {h} from "./dom.js";
import {toCSV} from "./sql/export.js";

export type DerivedFormat = "arrow" | "csv";

/** The table as an Arrow IPC file or as CSV (header row, UTF-8 with BOM: sql/export.ts). */
export function derivedFile(table: Table, format: DerivedFormat): Blob {
  if (format === "arrow") return new Blob([tableToIPC(table, "file") as BlobPart], {type: "application/vnd.apache.arrow.file"});
  const fields = table.schema.fields.map((f) => ({name: f.name}));
  return new Blob([toCSV(table.toArray() as Record<string, unknown>[], fields)], {type: "text/csv;charset=utf-8"});
}

/**
 * A download link for `<name>.<format>` made from the Arrow stream at `streamUrl`: the
 * first click fetches the stream and builds the file, then downloads it (a blob URL).
 */
export function derivedDownload(streamUrl: string, name: string, format: DerivedFormat, title: string): HTMLAnchorElement {
  const a = h("a", {href: "#downloads", text: format, title: `${name}.${format} — ${title}`, download: `${name}.${format}`, data: {table: name, format}});
  a.addEventListener("click", async (event) => {
    if (a.dataset.ready) return; // the file is built: the browser downloads the blob
    event.preventDefault();
    if (a.getAttribute("aria-busy")) return; // being built
    a.setAttribute("aria-busy", "true");
    try {
      const bytes = new Uint8Array(await (await fetch(streamUrl)).arrayBuffer());
      a.href = URL.createObjectURL(derivedFile(tableFromIPC(bytes), format));
      a.dataset.ready = "true";
      a.click();
    } catch (error) {
      a.title = `${name}.${format} could not be made: ${error}`;
    } finally {
      a.removeAttribute("aria-busy");
    }
  });
  return a;
}
