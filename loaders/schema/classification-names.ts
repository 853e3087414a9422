/**
 * English names of classification codes, written by us for international
 * readers. Functional (支出功能分类) and economic (支出经济分类) codes.
 */
import type { CodeSystem } from "./types.ts";

const FUNCTIONAL: Record<string, string> = {
  "201": "General public services",
  "205": "Education",
  "208": "Social security and employment",
  "210": "Health",
  "221": "Housing security",
};

const ECONOMIC: Record<string, string> = {
  "301": "Wages and welfare",
  "302": "Goods and services",
  "303": "Subsidies to individuals and households",
  "307": "Debt interest and charges",
  "310": "Capital expenditure",
  "399": "Other expenditure",
};

export function englishName(system: CodeSystem, code: string): string | null {
  if (system === "functional") return FUNCTIONAL[code] ?? null;
  if (system === "economic") return ECONOMIC[code] ?? null;
  return null;
}
