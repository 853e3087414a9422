// The notebooks of src/notebooks/ (every .md but index.md), read at build time: for
// the sidebar (observablehq.config.ts), the notebooks index and the notebook page's
// "Open" list (src/data/notebooks.json.ts). Adding a page to the folder is enough.
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {notebookOfPage, pageTitle} from "../src/components/notebook/from-page.ts";
import type {Notebook} from "../src/components/notebook/state.ts";

export const NOTEBOOKS_DIR = fileURLToPath(new URL("../src/notebooks/", import.meta.url));

export interface NotebookPage {
  /** the page's path: /notebooks/<name> */
  path: string;
  title: string;
  notebook: Notebook;
}

export function notebookPages(dir: string = NOTEBOOKS_DIR): NotebookPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "index.md" && !name.startsWith("."))
    .sort()
    .map((name) => {
      const text = readFileSync(`${dir}/${name}`, "utf-8");
      return {path: `/notebooks/${name.slice(0, -3)}`, title: pageTitle(text), notebook: notebookOfPage(text)};
    });
}
