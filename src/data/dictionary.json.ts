// Data loader: the data dictionary for the /data page — every output table and column
// (loaders/schema/), the measure vocabulary and the audit rules — as JSON. A loader and
// not an import: Framework does not bundle modules from outside src/.
import {RULES} from "../../loaders/audit/rules.ts";
import {MEASURES} from "../../loaders/schema/measures.ts";
import {OUTPUT_TABLES} from "../../loaders/schema/outputs.ts";

const dictionary = {
  tables: OUTPUT_TABLES,
  measures: Object.entries(MEASURES).map(([measure, {zh, en}]) => ({measure, zh, en})),
  rules: RULES.map(({id, zh, en, severity}) => ({id, zh, en, severity}))
};
process.stdout.write(JSON.stringify(dictionary, null, 1));
