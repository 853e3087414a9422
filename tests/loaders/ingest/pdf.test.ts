// PDF input: positioned lines, page markers, the text the parsers see, and
// bad PDFs that must become error rows naming the file, never a crash.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFiles } from "../../../loaders/extract.ts";
import { fromPdfBytes } from "../../../loaders/ingest/pdf/document.ts";
import { pageLines } from "../../../loaders/ingest/pdf/lines.ts";
import { readSource } from "../../../loaders/ingest/source.ts";
import { encryptedPdf, imageOnlyPdf, textPdf, zeroPagePdf } from "../../fixtures/pdf.ts";
import { CORPUS, EXTERNAL, hasCorpus, ROOT } from "../helpers.ts";

const small = () =>
  textPdf([
    [
      { x: 40, y: 500, text: "收支总表" },
      { x: 40, y: 480, text: "收入总计" },
      { x: 200, y: 480.5, text: "15,480.26" },
      { x: 300, y: 480, text: "支出总计" },
      { x: 340.5, y: 480, text: "合计" },
      { x: 500, y: 482, text: "单位：万元" },
    ],
    [{ x: 40, y: 500, text: "第二页" }],
  ]);

describe("PDF → positioned lines", () => {
  // pdf.js fills the gaps between runs of one line with space items (one space).
  it("groups items by baseline, orders them by x, and marks each page", () => {
    const doc = fromPdfBytes(small(), "small.pdf");
    expect(doc.lines).toEqual(["=== PAGE 1 ===", "收支总表", "收入总计 15,480.26 支出总计合计 单位：万元", "=== PAGE 2 ===", "第二页"]);
    expect(doc.source_format).toBe("pdf");
    expect(doc.pages).toBe(2);
    const line = doc.geometry![2]!;
    expect(line.page).toBe(1);
    expect(line.x0).toBe(40);
    expect(line.x1).toBe(550);
    const amount = line.spans.find((s) => s.text === "15,480.26")!;
    expect(amount.x0).toBe(200);
    expect(amount.x1).toBe(245);
    expect(line.text.slice(amount.start, amount.start + amount.text.length)).toBe("15,480.26");
    expect(doc.geometry![4]!.page).toBe(2);
  });
});

describe("pageLines", () => {
  const item = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 10, rotated: false });
  it("joins touching items, puts one space at a moderate gap and three at a wide one", () => {
    const [line] = pageLines({
      page: 3,
      width: 600,
      height: 800,
      items: [item("合计", 110, 500, 20), item("预算", 10, 501, 20), item("数", 30.5, 500, 10), item("1,000.00", 45, 500, 40), item("12.50", 300, 499, 25)],
    });
    expect(line.text).toBe("预算数 1,000.00   合计   12.50");
    expect(line.page).toBe(3);
    expect(line.spans.map((s) => [s.text, s.x0, s.x1])).toEqual([
      ["预算数", 10, 40.5],
      ["1,000.00", 45, 85],
      ["合计", 110, 130],
      ["12.50", 300, 325],
    ]);
  });
  it("joins an amount wrapped in a narrow cell and puts it on its row's line (the label centred between head and tail)", () => {
    const lines = pageLines({
      page: 10,
      width: 600,
      height: 800,
      items: [
        item("1682.7", 193, 520, 23),
        item("0.0", 421, 520, 11),
        item("总计：", 82, 510, 23),
        item("997.20", 305, 510, 22),
        item("6", 193, 500, 4),
        item("0", 421, 500, 4),
      ],
    });
    expect(lines.map((l) => l.text)).toEqual(["总计：   1682.76   997.20   0.00"]);
    expect(lines[0].spans.map((s) => [s.text, s.x0, Math.round(s.x1)])).toEqual([
      ["总计：", 82, 105],
      ["1682.76", 193, 216],
      ["997.20", 305, 327],
      ["0.00", 421, 432],
    ]);
  });
  it("leaves a line of small numbers alone unless every one completes an amount above it", () => {
    const items = [item("12.5", 100, 520, 20), item("3.75", 200, 520, 20), item("7", 100, 510, 5), item("8", 205, 510, 5)];
    expect(pageLines({ page: 1, width: 600, height: 800, items }).map((l) => l.text)).toEqual(["12.5   3.75", "7   8"]);
  });
  it("starts a new line where the baseline moves by 0.4 of the font size or more", () => {
    const lines = pageLines({ page: 1, width: 600, height: 800, items: [item("上", 10, 500, 10), item("下", 50, 496, 10)] });
    expect(lines.map((l) => l.text)).toEqual(["上", "下"]);
  });
});

describe("bad PDFs give an error row naming the file, and the batch goes on", () => {
  it("scanned, encrypted, truncated, zero pages and a non-PDF named .pdf", () => {
    const dir = mkdtempSync(join(tmpdir(), "pdf-bad-"));
    writeFileSync(join(dir, "good.pdf"), small());
    writeFileSync(join(dir, "scanned.pdf"), imageOnlyPdf());
    writeFileSync(join(dir, "locked.pdf"), encryptedPdf());
    writeFileSync(join(dir, "cut.pdf"), small().subarray(0, 400));
    writeFileSync(join(dir, "empty.pdf"), zeroPagePdf());
    writeFileSync(join(dir, "fake.pdf"), new TextEncoder().encode("收支总表\n这不是 PDF\n"));
    const out = extractFiles([dir], { root: dir });
    const byFile = new Map(out.documents.map((d) => [d.source_file, d]));
    expect(byFile.get("good.pdf")!.status).not.toBe("error");
    expect(byFile.get("good.pdf")!.pages).toBe(2);
    const good = byFile.get("good.pdf")!.doc_id;
    expect(out.pages.filter((p) => p.doc_id === good)).toEqual([
      { doc_id: good, page: 1, first_line: 1, last_line: 3, text_lines: 2 },
      { doc_id: good, page: 2, first_line: 4, last_line: 5, text_lines: 1 },
    ]);
    const errors = {
      "scanned.pdf": /^scanned\.pdf: no text layer on any of its 1 page\(s\) \(a scanned image\?\); OCR is not supported$/,
      "locked.pdf": /^locked\.pdf: encrypted PDF/,
      "cut.pdf": /^cut\.pdf: .*(corrupt or truncated|not a readable PDF)/,
      "empty.pdf": /^empty\.pdf: PDF with zero pages$/,
      "fake.pdf": /^fake\.pdf: not a PDF \(no %PDF- header\)/,
    };
    for (const [file, message] of Object.entries(errors)) {
      const row = byFile.get(file)!;
      expect(row.status, file).toBe("error");
      expect(row.source_format, file).toBe("pdf");
      expect(row.message, file).toMatch(message);
    }
  }, 60_000);
});

describe("extract on a folder mixing good and bad PDFs (the command line)", () => {
  const extract = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "loaders", "cli.ts"), "extract", ...args], { cwd: ROOT, encoding: "utf8" });
  it("extracts the good ones, prints an error line naming each bad one, and exits 1 only because files were unreadable", () => {
    const dir = mkdtempSync(join(tmpdir(), "pdf-cli-"));
    const out = mkdtempSync(join(tmpdir(), "pdf-cli-out-"));
    writeFileSync(join(dir, "good.pdf"), small());
    const alone = extract(dir, "--out", out, "--no-cache");
    expect([alone.status, alone.stderr.includes("could not be read")]).toEqual([0, false]);
    writeFileSync(join(dir, "scanned.pdf"), imageOnlyPdf());
    writeFileSync(join(dir, "locked.pdf"), encryptedPdf());
    writeFileSync(join(dir, "cut.pdf"), small().subarray(0, 400));
    writeFileSync(join(dir, "fake.pdf"), new TextEncoder().encode("收支总表\n这不是 PDF\n"));
    const mixed = extract(dir, "--out", out, "--no-cache");
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(/4 file\(s\) could not be read/);
    for (const name of ["scanned.pdf", "locked.pdf", "cut.pdf", "fake.pdf"])
      expect(mixed.stdout, name).toMatch(new RegExp(`^error +\\S*${name.replace(".", "\\.")}`, "m"));
    expect(mixed.stdout).not.toMatch(/^error +\S*good\.pdf/m);
  }, 120_000);
});

describe.skipIf(!hasCorpus)("real PDFs read as their extracted-text twins", () => {
  const read = (path: string) => readSource(new Uint8Array(readFileSync(path)), path);

  it("gives the very text of the twin (same lines, same doc_id) for gd_sz_ybj_2026_dept_budget", () => {
    const pdf = read(join(CORPUS, "gd_sz_ybj_2026_dept_budget.pdf"));
    const twin = read(join(CORPUS, "gd_sz_ybj_2026_dept_budget.txt"));
    expect(pdf.lines).toEqual(twin.lines);
    expect(pdf.doc_id).toBe(twin.doc_id);
    expect(pdf.pages).toBe(34);
    // 收支总表's totals: line 346, page 17, numbers with their x-spans
    const line = pdf.geometry![345]!;
    expect(line.text).toBe("收入总计 15,480.26 支出总计 15,480.26");
    expect(line.page).toBe(17);
    const amounts = line.spans.filter((s) => s.text === "15,480.26");
    expect(amounts).toHaveLength(2);
    expect(amounts[0].x1).toBeLessThan(amounts[1].x0);
  }, 60_000);

  it("a truncated real PDF is an error row naming it; the whole one beside it is read", () => {
    const dir = mkdtempSync(join(tmpdir(), "pdf-cut-"));
    const bytes = readFileSync(join(EXTERNAL, "sh_putuo_sww_2025_dept_budget.pdf"));
    copyFileSync(join(EXTERNAL, "sh_putuo_sww_2025_dept_budget.pdf"), join(dir, "whole.pdf"));
    writeFileSync(join(dir, "half.pdf"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = extractFiles([dir], { root: dir });
    const [half, whole] = out.documents;
    expect(half.source_file).toBe("half.pdf");
    expect(half.status).toBe("error");
    expect(half.message).toMatch(/^half\.pdf: /);
    expect(whole.source_file).toBe("whole.pdf");
    expect(whole.entity).toBe("上海市普陀区商务委员会");
    expect(whole.tables_found).toBe(9);
  }, 60_000);
});
