/**
 * A table parse computed once per document: the pipeline parses each
 * section, and evidence readers (final/evidence.ts, final/economic_evidence.ts,
 * budget/crossTotals.ts) parse other sections of the same document again.
 * Parsers are pure functions of (document, section), so the result is kept
 * per document (WeakMap: dropped with the document), per parser and per
 * section content. Callers must not mutate the result.
 */
import type { SourceDocument, TableContext, TableParse, TableParser } from "../schema/types.ts";

const memo = new WeakMap<SourceDocument, Map<TableParser, Map<string, TableParse>>>();

const sectionKey = (s: TableContext["section"]): string =>
  `${s.table_id}\u0000${s.table_name}\u0000${s.family}\u0000${s.title_line}\u0000${s.start_line}\u0000${s.end_line}\u0000${s.unit}\u0000${s.unit_stated}`;

export function parseOnce(parser: TableParser, ctx: TableContext): TableParse {
  let byParser = memo.get(ctx.doc);
  if (!byParser) memo.set(ctx.doc, (byParser = new Map()));
  let bySection = byParser.get(parser);
  if (!bySection) byParser.set(parser, (bySection = new Map()));
  const key = sectionKey(ctx.section);
  let parse = bySection.get(key);
  if (!parse) {
    parse = parser(ctx);
    bySection.set(key, parse);
  }
  return parse;
}
