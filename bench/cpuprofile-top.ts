/**
 * Tool (not a test): the functions a V8 CPU profile spends its time in,
 * self and total (with callees), most first.
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/NAME-prof bench/stages.ts 20
 *   npx tsx bench/cpuprofile-top.ts /tmp/NAME-prof [filter=loaders/] [rows=40]
 * A folder: its profile that mentions `loaders/` (tsx writes a second one
 * for its loader thread). Under tsx each module is compiled to one line,
 * so functions are told apart by name and column; `__name` frames are
 * tsx's keep-names wrapper, which the bundled batch workers do not pay.
 * Sampled time is wall time of the thread: on a loaded machine compare
 * shares, not milliseconds.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";

interface ProfileNode {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number; columnNumber: number};
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [where, filter = "loaders/", rows = "40"] = process.argv.slice(2);
if (!where) throw new Error("usage: tsx bench/cpuprofile-top.ts <profile or folder> [filter] [rows]");
const file = statSync(where).isDirectory()
  ? readdirSync(where)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => join(where, f))
      .find((f) => readFileSync(f, "utf8").includes("loaders/"))
  : where;
if (!file) throw new Error(`no profile mentioning loaders/ in ${where}`);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: ProfileNode) => {
  const f = n.callFrame;
  return `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*?\/(loaders|bench|src|node_modules)\//, "$1/")}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
};
const sampled = new Map<number, number>();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [id, us] of sampled) {
  all += us;
  const leaf = name(byId.get(id)!);
  self.set(leaf, (self.get(leaf) ?? 0) + us);
  // a recursive function counts once per sample in its total
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at)!);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + us);
  }
}
for (const [title, times] of [
  ["self", self],
  ["total", total]
] as const) {
  console.log(`${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
  for (const [k, us] of [...times]
    .filter(([k]) => k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows)))
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${k}`);
}
