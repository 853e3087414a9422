/**
 * The document's tables for the cross-table pass: the sections segmentation
 * found and each section's parse, computed once per extraction. Parsers are
 * pure functions of (document, section, tables), so a parse asked for twice
 * (by the pipeline and by a table checking against it) is the same object.
 * Callers must not mutate a parse.
 */
import type { DocumentTables, SourceDocument, TableParse, TableParser, TableSection } from "../schema/types.ts";

export function documentTables(doc: SourceDocument, sections: TableSection[]): DocumentTables {
  const memo = new Map<TableParser, Map<TableSection, TableParse>>();
  const tables: DocumentTables = {
    sections,
    parse(parser, section) {
      let bySection = memo.get(parser);
      if (!bySection) memo.set(parser, (bySection = new Map()));
      let parse = bySection.get(section);
      if (!parse) {
        parse = parser({ doc, section, tables });
        bySection.set(section, parse);
      }
      return parse;
    },
  };
  return tables;
}
