// Data loader: the audit rule list (id, Chinese and English description, severity
// beyond tolerance) from loaders/audit/rules.ts, in the order the rules run.
import {RULES} from "../../loaders/audit/rules.ts";

process.stdout.write(JSON.stringify(RULES.map(({id, zh, en, severity}) => ({id, zh, en, severity})), null, 2));
