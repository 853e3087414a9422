/**
 * The data dictionary, generated from the column specs and the measure
 * vocabulary: Markdown for the README and the /data page, and a Frictionless
 * Data Package descriptor (datapackage.json) for downloads.
 */
import type { TableSpecOut } from "./columns.ts";
import { MEASURES, NARRATIVE_MEASURES, PANEL_MEASURES } from "./measures.ts";
import { OUTPUT_TABLES } from "./outputs.ts";

const FRICTIONLESS_TYPES = { string: "string", double: "number", int: "integer", bool: "boolean" } as const;

export function dictionaryMarkdown(tables: TableSpecOut[] = OUTPUT_TABLES): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`### \`${t.name}\``, "", t.description, "", "| column | type | meaning |", "| --- | --- | --- |");
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${c.type}${c.unit ? ` (${c.unit})` : ""} | ${c.description.replace(/\|/g, "\\|")} |`);
    out.push("");
  }
  out.push("### Measures (`line_items.measure`)", "", "| measure | 中文 | meaning |", "| --- | --- | --- |");
  for (const [name, m] of Object.entries(MEASURES)) out.push(`| \`${name}\` | ${m.zh} | ${m.en} |`);
  out.push("", "### Measures (`narrative_facts.measure`)", "", "| measure | 中文 | meaning |", "| --- | --- | --- |");
  for (const [name, m] of Object.entries(NARRATIVE_MEASURES)) out.push(`| \`${name}\` | ${m.zh} | ${m.en} |`);
  out.push("", "### Measures (`panel.measure`)", "", "| measure | 中文 | meaning |", "| --- | --- | --- |");
  for (const [name, m] of Object.entries(PANEL_MEASURES)) out.push(`| \`${name}\` | ${m.zh} | ${m.en} |`);
  out.push("");
  return out.join("\n");
}

export function dataPackage(tables: TableSpecOut[] = OUTPUT_TABLES, format: "parquet" | "arrow" | "csv" = "parquet") {
  return {
    profile: "data-package",
    name: "china-budget-disclosures",
    title: "Chinese public budget disclosures (部门预算 / 部门决算 / 单位决算), extracted tables",
    description: "Tables extracted from disclosure documents, every number with its document and source line. Money in amount_wan is in 万元 (10,000 yuan).",
    licenses: [{ name: "other-pd", title: "Government open information (政府信息公开)" }],
    resources: tables.map((t) => ({
      profile: "tabular-data-resource",
      name: t.name,
      path: `${t.name}.${format}`,
      format,
      mediatype: format === "parquet" ? "application/vnd.apache.parquet" : format === "arrow" ? "application/vnd.apache.arrow.stream" : "text/csv",
      description: t.description,
      schema: {
        fields: t.columns.map((c) => ({
          name: c.name,
          type: FRICTIONLESS_TYPES[c.type],
          description: c.description,
          ...(c.unit ? { unit: c.unit, bareNumber: true, ...(c.unit === "万元" ? { "x-unit-factor-yuan": 10000 } : {}) } : {}),
        })),
      },
    })),
  };
}
