// Runs as a child process (see items.ts): PDF bytes on stdin → the text items
// of every page as JSON on stdout. A child process keeps the pipeline
// synchronous, bounds a hostile file by a timeout and isolates pdf.js crashes.
// cmaps and standard fonts are read from the installed package by file path,
// never from the network.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const root = dirname(require.resolve("pdfjs-dist/package.json"));
const { getDocument } = await import(join(root, "legacy/build/pdf.mjs"));

/** @param {unknown} err */
function kindOf(err) {
  const name = err && typeof err === "object" && "name" in err ? String(err.name) : "";
  if (name === "PasswordException") return "encrypted";
  if (name === "InvalidPDFException") return "invalid";
  if (name === "MissingPDFException") return "missing";
  return "corrupt";
}

async function main() {
  const data = new Uint8Array(readFileSync(0));
  const out = { pages: /** @type {unknown[]} */ ([]), error: /** @type {null | {kind: string, message: string, page?: number}} */ (null) };
  let doc;
  try {
    doc = await getDocument({
      data,
      cMapUrl: join(root, "cmaps") + "/",
      cMapPacked: true,
      standardFontDataUrl: join(root, "standard_fonts") + "/",
      useSystemFonts: false,
      isEvalSupported: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    out.error = { kind: kindOf(err), message: err instanceof Error ? err.message : String(err) };
    process.stdout.write(JSON.stringify(out));
    return;
  }
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [, b, c, d, e, f] = it.transform;
        items.push([it.str, e - x0, f - y0, it.width, Math.hypot(c, d), Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 ? 1 : 0]);
      }
      out.pages.push({ page: n, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    } catch (err) {
      out.error = { kind: kindOf(err), message: err instanceof Error ? err.message : String(err), page: n };
      break;
    }
  }
  await doc.destroy();
  process.stdout.write(JSON.stringify(out));
}

await main();
