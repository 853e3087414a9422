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

/** Primary keys (unique in every extraction) and the foreign keys that join the tables. */
const KEYS: Record<string, { primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> }> = {
  documents: { primaryKey: ["doc_id"] },
  narrative_facts: { primaryKey: ["fact_id"] },
  performance_projects: { primaryKey: ["project_id"] },
  performance_indicators: { foreignKeys: [{ fields: ["project_id"], reference: { resource: "performance_projects", fields: ["project_id"] } }] },
  checks: { primaryKey: ["check_id"] },
  classifications: { primaryKey: ["code_system", "code"] },
};

const MEDIA_TYPES = { parquet: "application/vnd.apache.parquet", arrow: "application/vnd.apache.arrow.file", csv: "text/csv" } as const;

/** The Frictionless descriptor of the output tables; `versions` says which parser and which documents made them. */
export function dataPackage(tables: TableSpecOut[] = OUTPUT_TABLES, format: keyof typeof MEDIA_TYPES = "parquet", versions?: { parser: string; data: string }) {
  return {
    profile: "data-package",
    name: "china-budget-disclosures",
    title: "Chinese public budget disclosures (部门预算 / 部门决算 / 单位决算), extracted tables",
    description: "Tables extracted from disclosure documents, every number with its document and source line. Money in amount_wan is in 万元 (10,000 yuan).",
    ...(versions ? { version: versions.data, "x-parser-version": versions.parser } : {}),
    licenses: [{ name: "other-pd", title: "Government open information (政府信息公开)" }],
    sources: [{ title: "Published department budget and final-account disclosures of Chinese governments (部门预算 / 部门决算公开)" }],
    resources: tables.map((t) => {
      const keys = KEYS[t.name] ?? {};
      const hasDoc = t.name !== "documents" && t.columns.some((c) => c.name === "doc_id");
      const foreignKeys = [...(hasDoc ? [{ fields: ["doc_id"], reference: { resource: "documents", fields: ["doc_id"] } }] : []), ...(keys.foreignKeys ?? [])];
      return {
        profile: "tabular-data-resource",
        name: t.name,
        path: `${t.name}.${format}`,
        format,
        mediatype: MEDIA_TYPES[format],
        description: t.description,
        schema: {
          fields: t.columns.map((c) => ({
            name: c.name,
            type: FRICTIONLESS_TYPES[c.type],
            description: c.description,
            ...(c.unit ? { unit: c.unit, bareNumber: true, ...(c.unit === "万元" ? { "x-unit-factor-yuan": 10000 } : {}) } : {}),
          })),
          ...(keys.primaryKey ? { primaryKey: keys.primaryKey } : {}),
          ...(foreignKeys.length ? { foreignKeys } : {}),
        },
      };
    }),
  };
}
