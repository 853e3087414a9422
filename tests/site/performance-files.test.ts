// The performance page's small files (loaders/site/performance-files.ts) over the samples:
// the summary it paints from and the page files it fetches as the reader pages on, decoded as
// the page decodes them — equal to what DuckDB gives over the corpus tables.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {performanceFiles} from "../../loaders/site/performance-files.ts";
import {fromColumnar, type ColumnarSet} from "../../src/components/aggregates.ts";
import {PERFORMANCE_PAGE_SIZES} from "../../src/components/performance-files.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

let corpus: Corpus;
let files: Map<string, unknown>;
let bytes: Map<string, number>;

beforeAll(async () => {
  corpus = await openCorpus();
  const written = await performanceFiles(corpus.dir);
  files = new Map(written.map(([name, data]) => [name, JSON.parse(new TextDecoder().decode(data))]));
  bytes = new Map(written.map(([name, data]) => [name, data.length]));
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

const pages = (list: string) =>
  [...files.keys()]
    .filter((name) => name.startsWith(`performance/${list}.`))
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
    .flatMap((name) => fromColumnar(files.get(name) as ColumnarSet));

describe("performance files", () => {
  test("summary: 67 projects, 779 indicators of which 68 unmet, a small file", async () => {
    const summary = files.get("performance/summary.json") as {
      projects: number;
      indicators: number;
      unmet: number;
      with_rate: number;
      sets: Record<string, ColumnarSet>;
    };
    expect(summary).toMatchObject({projects: 67, indicators: 779, unmet: 68});
    const [{n}] = await corpus.rows("SELECT count(*) AS n FROM performance_indicators WHERE met = false");
    expect(summary.unmet).toBe(n);
    // the histogram holds every project with a rate
    expect(fromColumnar(summary.sets.bands).reduce((s, b) => s + b.projects, 0)).toBe(summary.with_rate);
    const docs = fromColumnar(summary.sets.docs);
    expect(docs.find((d) => d.entity === "贵州省医疗保障局（本级）")).toMatchObject({year: 2022, kind: "final", unmet: 19});
    expect(bytes.get("performance/summary.json")).toBeLessThan(20_000);
  });

  test("004 离休人员及遗孀医疗补助资金 in the histogram's 50–60 band and the per-project rows: 2,635.20 万元 at 55.07%, score 89.06", () => {
    const summary = files.get("performance/summary.json") as {sets: Record<string, ColumnarSet>};
    const point = fromColumnar(summary.sets.scatter).find((p) => p.project_name === "离休人员及遗孀医疗补助资金")!;
    expect(point).toMatchObject({rate: 55.07, printed: true, amount_wan: 2635.2, total_score: 89.06});
    expect(fromColumnar(summary.sets.bands).find((b) => b.rate_from === 50 && b.score_band === "80–90")?.projects).toBeGreaterThanOrEqual(1);
    const project = pages("projects").find((p) => p.project_name === "离休人员及遗孀医疗补助资金")!;
    expect(project).toMatchObject({doc_id: point.doc_id, amount_wan: 2635.2, execution_rate: 55.07, source_line: point.source_line});
  });

  test("page files: 25 projects and 20 unmet indicators a page, every row once, in document order", async () => {
    const projects = pages("projects");
    expect(projects).toHaveLength(67);
    expect(files.has("performance/projects.2.json") && !files.has("performance/projects.3.json")).toBe(true);
    expect(fromColumnar(files.get("performance/projects.0.json") as ColumnarSet)).toHaveLength(PERFORMANCE_PAGE_SIZES.projects);
    expect(new Set(projects.map((p) => p.project_id)).size).toBe(67);
    const unmet = pages("unmet");
    expect(unmet).toHaveLength(68);
    expect(fromColumnar(files.get("performance/unmet.0.json") as ColumnarSet)).toHaveLength(PERFORMANCE_PAGE_SIZES.unmet);
    expect(unmet.every((i) => i.met === false)).toBe(true);
    const video = unmet.find((i) => i.indicator === "提供市级视频会议室高清视频会议终端数量")!;
    expect(video.reason_unmet).toContain("未完成政府采购");
    // a document's rows are together (one run per document), as many as its count in the summary
    const runs = unmet.filter((i, k) => k === 0 || unmet[k - 1].doc_id !== i.doc_id).length;
    expect(runs).toBe(new Set(unmet.map((i) => i.doc_id)).size);
    const summary = files.get("performance/summary.json") as {sets: Record<string, ColumnarSet>};
    for (const d of fromColumnar(summary.sets.docs)) expect(unmet.filter((i) => i.doc_id === d.doc_id).length, d.entity).toBe(d.unmet);
  });
});
