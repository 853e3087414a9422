/**
 * PDF bytes → the text items of every page, read by pdf.js (pdfjs-dist,
 * legacy build) in a child process so the pipeline stays synchronous and a
 * hostile file is bounded by a timeout.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PdfItem, PdfPage } from "./lines.ts";

export type PdfErrorKind = "encrypted" | "invalid" | "missing" | "corrupt" | "timeout" | "crash";

export interface PdfRead {
  pages: PdfPage[];
  error: { kind: PdfErrorKind; message: string; page?: number } | null;
}

const SCRIPT = fileURLToPath(new URL("./read-items.mjs", import.meta.url));
/** A PDF that takes longer than this to read is given up (milliseconds). */
const TIMEOUT_MS = 120_000;

type RawPage = { page: number; width: number; height: number; items: [string, number, number, number, number, number][] };

export function readPdfItems(bytes: Uint8Array): PdfRead {
  const run = spawnSync(process.execPath, [SCRIPT], { input: bytes, maxBuffer: 1 << 30, timeout: TIMEOUT_MS, encoding: "utf8" });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return { pages: [], error: { kind: "timeout", message: `not read within ${TIMEOUT_MS / 1000} s` } };
  if (run.status !== 0 || !run.stdout) {
    const why = (run.stderr || run.error?.message || `exit ${run.status}`).trim().split("\n").pop();
    return { pages: [], error: { kind: "crash", message: `the PDF reader failed: ${why}` } };
  }
  const raw = JSON.parse(run.stdout) as { pages: RawPage[]; error: PdfRead["error"] };
  const pages = raw.pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    items: p.items.map(([str, x, y, width, height, rotated]): PdfItem => ({ str, x, y, width, height, rotated: rotated === 1 })),
  }));
  return { pages, error: raw.error };
}
