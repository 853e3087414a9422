// The notebooks of src/notebooks/ as notebooks the notebook page opens. A page exported
// from it carries its notebook (`const NOTEBOOK = {…};`) and opens exactly; a page
// written by hand opens as its prose (Markdown cells, front matter and the title
// heading left out) and its queries (`const NAME_SQL = `…`;` → a SQL cell "name"), in
// page order. Its hand-written charts and JavaScript do not convert. Pure (tested in Node).
import {toNotebook, type Cell, type Notebook} from "./state.js";

/** The page's title: front matter `title:` (a YAML string), else its first "# " heading. */
export function pageTitle(markdown: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  const line = /^title:\s*(.+)$/m.exec(front)?.[1]?.trim();
  if (line) {
    if (line.startsWith('"')) {
      try {
        return JSON.parse(line);
      } catch {
        /* not a JSON string: fall through */
      }
    }
    return line.replace(/^'(.*)'$/, "$1");
  }
  return /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? "Notebook";
}

export function notebookOfPage(markdown: string): Notebook {
  const embedded = /^const NOTEBOOK = (.*);$/m.exec(markdown);
  if (embedded) return toNotebook(JSON.parse(embedded[1]));
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  const cells: Cell[] = [];
  const prose = (text: string) => {
    const clean = text.replace(/^# .*$/m, "").trim();
    if (clean) cells.push({id: `c${cells.length + 1}`, kind: "md", text: clean});
  };
  let last = 0;
  for (const block of body.matchAll(/^(`{3,})(\w*)[^\n]*\n([\s\S]*?)^\1\s*$/gm)) {
    prose(body.slice(last, block.index));
    last = block.index! + block[0].length;
    if (block[2] !== "js") continue;
    for (const query of block[3].matchAll(/const (\w+)_SQL = `([\s\S]*?)`;/g)) {
      cells.push({id: `c${cells.length + 1}`, kind: "sql", name: query[1].toLowerCase(), sql: query[2].trim()});
    }
  }
  prose(body.slice(last));
  return {title: pageTitle(markdown), cells};
}
