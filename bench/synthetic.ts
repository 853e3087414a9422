/**
 * A synthetic corpus for benchmarks: documents made from the samples (or any
 * documents) with entity, region and years rewritten, every one distinct.
 * Document i takes sample i mod s, a province (and its capital, where the
 * sample names a city), a department and a shift of every year it prints:
 * 27 × 20 × 7 combinations per sample (the 27 provinces and autonomous regions,
 * each with its capital), so up to 18,900 distinct documents
 * from the five samples, and the same department of the same region recurs
 * over several years (a panel).
 *   npm run bench:synthetic -- <count> <out-dir> [sample-dir=data/documents]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { extractFile, listInputs } from "../loaders/extract.ts";

const PROVINCES: Array<[string, string]> = [
  ["河北省", "石家庄市"], ["山西省", "太原市"], ["内蒙古自治区", "呼和浩特市"],
  ["辽宁省", "沈阳市"], ["吉林省", "长春市"], ["黑龙江省", "哈尔滨市"], ["江苏省", "南京市"],
  ["浙江省", "杭州市"], ["安徽省", "合肥市"], ["福建省", "福州市"], ["江西省", "南昌市"], ["山东省", "济南市"],
  ["河南省", "郑州市"], ["湖北省", "武汉市"], ["湖南省", "长沙市"], ["广东省", "广州市"], ["广西壮族自治区", "南宁市"],
  ["海南省", "海口市"], ["四川省", "成都市"], ["贵州省", "贵阳市"], ["云南省", "昆明市"],
  ["西藏自治区", "拉萨市"], ["陕西省", "西安市"], ["甘肃省", "兰州市"], ["青海省", "西宁市"], ["宁夏回族自治区", "银川市"],
  ["新疆维吾尔自治区", "乌鲁木齐市"],
];
const DEPARTMENTS = [
  "财政局", "统计局", "商务局", "生态环境局", "卫生健康委员会", "信访局", "教育局", "交通运输局", "水利局", "民政局",
  "司法局", "审计局", "应急管理局", "自然资源局", "农业农村局", "文化和旅游局", "市场监督管理局", "退役军人事务局", "人力资源和社会保障局", "住房和城乡建设局",
];
const SHIFTS = [0, -1, 1, -2, 2, -3, 3];
/** A year printed on its own (not a digit run inside an amount). */
const YEAR = /(?<![\d.,])20[12]\d(?![\d.,])/g;

interface Sample {
  name: string;
  text: string;
  province: string | null;
  city: string | null;
  department: string | null;
}

function department(entity: string | null, province: string | null, city: string | null): string | null {
  if (!entity) return null;
  let rest = entity.replace(/（[^）]*）$/, "");
  for (const prefix of [province, city]) if (prefix && rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  return rest.length >= 2 ? rest : null;
}

export function loadSamples(dir: string): Sample[] {
  return listInputs([dir]).map((path) => {
    const { document: d } = extractFile(path);
    return { name: basename(path, extname(path)), text: readFileSync(path, "utf8"), province: d.province, city: d.city, department: department(d.entity, d.province, d.city) };
  });
}

/** The text of synthetic document i. */
export function synthesize(samples: Sample[], i: number): { name: string; text: string } {
  const sample = samples[i % samples.length];
  const j = Math.floor(i / samples.length);
  const [province, capital] = PROVINCES[j % PROVINCES.length];
  const dept = DEPARTMENTS[Math.floor(j / PROVINCES.length) % DEPARTMENTS.length];
  const shift = SHIFTS[Math.floor(j / (PROVINCES.length * DEPARTMENTS.length)) % SHIFTS.length];
  let text = sample.text;
  if (sample.department) text = text.replaceAll(sample.department, dept);
  if (sample.city && sample.city !== sample.province) text = text.replaceAll(sample.city, capital);
  if (sample.province) text = text.replaceAll(sample.province, province);
  if (shift) text = text.replace(YEAR, (y) => String(Number(y) + shift));
  return { name: `${String(i).padStart(6, "0")}_${sample.name}`, text };
}

export function generate(count: number, outDir: string, sampleDir: string): string[] {
  const samples = loadSamples(sampleDir);
  mkdirSync(outDir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = synthesize(samples, i);
    const path = join(outDir, `${name}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = "1000", out = "/tmp/synthetic", samples = join(import.meta.dirname, "..", "data", "documents")] = process.argv.slice(2);
  const t = performance.now();
  const paths = generate(Number(count), out, samples);
  console.log(`${paths.length} documents in ${out} (${Math.round(performance.now() - t)} ms)`);
}
