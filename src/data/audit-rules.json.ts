// Data loader: the audit rule list (id, family, Chinese and English description,
// severity beyond tolerance) from loaders/audit/rules.ts, in the order the rules
// run, each with its family's names (FAMILIES order is the report order).
import {FAMILIES, RULES} from "../../loaders/audit/rules.ts";

const family = new Map(FAMILIES.map((f) => [f.id, f]));
process.stdout.write(
  JSON.stringify(
    RULES.map(({id, family: f, zh, en, severity}) => ({id, family: f, family_zh: family.get(f)!.zh, family_en: family.get(f)!.en, zh, en, severity})),
    null,
    2
  )
);
