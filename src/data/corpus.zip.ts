// Data loader: every extracted table (Arrow, Parquet, CSV), datapackage.json and
// each document's text, from data/documents/, as one zip (see loaders/site/archive.ts).
import {fileURLToPath} from "node:url";
import {corpusArchive} from "../../loaders/site/archive.ts";

const dir = fileURLToPath(new URL("../../data/documents/", import.meta.url));
process.stdout.write(await corpusArchive(dir));
