// Data loader: the data dictionary (every output table and column, with types and
// descriptions) for the SQL workbench's schema browser and autocomplete.
import {OUTPUT_TABLES} from "../../loaders/schema/outputs.ts";

process.stdout.write(JSON.stringify({tables: OUTPUT_TABLES}));
