// Data loader: the notebooks of src/notebooks/ (path, title, cells), for the notebooks
// index and the notebook page's "Open" list (scripts/notebooks.ts).
import {notebookPages} from "../../scripts/notebooks.ts";

process.stdout.write(JSON.stringify(notebookPages()));
