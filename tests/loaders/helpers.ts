/** Shared test helpers: paths of the sample and external documents. */
import { join } from "node:path";
import { hasShared, sharedPath } from "../shared.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DOCS = join(ROOT, "data", "documents");
export const EXTERNAL = sharedPath("external");

export const SAMPLE = {
  sichuan2022unit: join(DOCS, "000_5a3bdc6e974c116b.txt"),
  dazhou2023: join(DOCS, "001_a0d178c95672dbf5.txt"),
  sichuan2023budget: join(DOCS, "002_a36e60e200b2c537.txt"),
  leshan2021: join(DOCS, "003_b4556357f9352ad7.txt"),
  guizhou2022: join(DOCS, "004_3cd6b194bc39a314.txt"),
};

export const EXT = {
  czjFinal: join(EXTERNAL, "sh_putuo_czj_2024_dept_final.txt"),
  czjFinalLayout: join(EXTERNAL, "sh_putuo_czj_2024_dept_final.layout.txt"),
  swwBudget: join(EXTERNAL, "sh_putuo_sww_2025_dept_budget.txt"),
  shiquanBudget: join(EXTERNAL, "sh_putuo_shiquan_2026_unit_budget.txt"),
  shflyBudget: join(EXTERNAL, "sh_putuo_shfly_2024_unit_budget.txt"),
};

export const hasExternal = hasShared("external");

export const CORPUS = sharedPath("corpus");
export const hasCorpus = hasShared("corpus");
/** Why tests that read ../shared are skipped (printed, so a skip is visible). */
export const SHARED_ABSENT = "../shared is absent: tests that read its real PDFs are skipped";
