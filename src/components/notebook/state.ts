// A notebook as data: a title and ordered cells (SQL, a chart of a SQL cell's result,
// Markdown text), plus the data version it was made on. The whole notebook lives in the
// URL fragment (#nb=…): JSON, deflated with fflate, in base64url. Pure functions
// (tested in Node).
import {deflateSync, inflateSync, strFromU8, strToU8} from "fflate";
import {isMark, type Mark} from "../sql/chart-spec.js";

export interface SqlCell {
  id: string;
  kind: "sql";
  /** what Markdown and charts call its result: {{name.column}} */
  name: string;
  sql: string;
}

export interface ChartCell {
  id: string;
  kind: "chart";
  /** the name of the SQL cell whose result it draws */
  source: string;
  mark: Mark;
  x?: string;
  y?: string;
  color?: string;
  facet?: string;
}

export interface MarkdownCell {
  id: string;
  kind: "md";
  text: string;
}

export type Cell = SqlCell | ChartCell | MarkdownCell;
export type CellKind = Cell["kind"];

export interface Notebook {
  title: string;
  cells: Cell[];
  /** the data version it was made on (version.ts); absent in hand-written pages */
  v?: string;
}

const FRAGMENT_KEY = "nb";
const str = (value: unknown) => (typeof value === "string" ? value : "");
const optional = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** A fresh cell id that no cell of `cells` has: c1, c2, … */
export function nextId(cells: readonly Cell[]): string {
  const used = new Set(cells.map((c) => c.id));
  let n = cells.length + 1;
  while (used.has(`c${n}`)) n++;
  return `c${n}`;
}

/** A fresh SQL cell name (q1, q2, …) that no SQL cell uses. */
export function nextName(cells: readonly Cell[]): string {
  const used = new Set(cells.flatMap((c) => (c.kind === "sql" ? [c.name] : [])));
  let n = 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

/** A cell of `kind`, added after the others (a chart draws the last SQL cell). */
export function newCell(kind: CellKind, cells: readonly Cell[]): Cell {
  const id = nextId(cells);
  if (kind === "sql") return {id, kind, name: nextName(cells), sql: "SELECT entity, year, kind FROM documents ORDER BY year"};
  if (kind === "chart") return {id, kind, source: [...cells].reverse().find((c): c is SqlCell => c.kind === "sql")?.name ?? "", mark: "bar"};
  return {id, kind, text: ""};
}

/** Moves the cell at `index` by `by` places (clamped); a new array. */
export function moveCell(cells: readonly Cell[], index: number, by: number): Cell[] {
  const to = Math.max(0, Math.min(cells.length - 1, index + by));
  const next = [...cells];
  const [cell] = next.splice(index, 1);
  next.splice(to, 0, cell);
  return next;
}

/** A notebook from untrusted JSON (a URL, a file): unknown fields dropped, bad cells skipped. */
export function toNotebook(value: unknown): Notebook {
  const input = (value ?? {}) as Record<string, unknown>;
  const cells: Cell[] = [];
  for (const raw of Array.isArray(input.cells) ? (input.cells as Record<string, unknown>[]) : []) {
    const id = optional(raw?.id) ?? nextId(cells);
    if (raw?.kind === "sql") cells.push({id, kind: "sql", name: /^[A-Za-z_]\w*$/.test(str(raw.name)) ? str(raw.name) : nextName(cells), sql: str(raw.sql)});
    else if (raw?.kind === "chart")
      cells.push({id, kind: "chart", source: str(raw.source), mark: isMark(raw.mark) ? raw.mark : "bar", x: optional(raw.x), y: optional(raw.y), color: optional(raw.color), facet: optional(raw.facet)});
    else if (raw?.kind === "md") cells.push({id, kind: "md", text: str(raw.text)});
  }
  return {title: str(input.title) || "Notebook", cells, ...(optional(input.v) ? {v: str(input.v)} : {})};
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** The URL fragment (without "#") holding the whole notebook. */
export function encodeNotebook(notebook: Notebook): string {
  return `${FRAGMENT_KEY}=${toBase64Url(deflateSync(strToU8(JSON.stringify(notebook)), {level: 9}))}`;
}

/** The notebook in a fragment ("#nb=…"); null when there is none; throws on a damaged one. */
export function decodeNotebook(hash: string): Notebook | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get(FRAGMENT_KEY);
  if (!value) return null;
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(value)));
  } catch {
    throw new Error("This notebook link is damaged (it does not inflate): was it cut when copied?");
  }
  return toNotebook(JSON.parse(json));
}
