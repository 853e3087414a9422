// Data loader: inventory of data/documents/*.txt as an Arrow IPC stream on stdout.
// Framework runs it with tsx from the project root; the path is resolved from this
// file's location so it also works when run from elsewhere.
import {fileURLToPath} from "node:url";
import {inventoryIPC} from "./inventory.ts";

const dir = fileURLToPath(new URL("../../data/documents/", import.meta.url));
process.stdout.write(inventoryIPC(dir));
