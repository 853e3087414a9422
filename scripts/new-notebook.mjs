#!/usr/bin/env node
// Scaffold a notebook page: npm run new:notebook -- <name> ["Title"] [--dir <folder>]
// Writes src/notebooks/<name>.md from scripts/notebook-template.md and prints the
// preview URL (the sidebar and /notebooks/ list src/notebooks/ by themselves).
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

const args = process.argv.slice(2);
const dirFlag = args.indexOf("--dir");
const outDir = dirFlag >= 0 ? args.splice(dirFlag, 2)[1] : null;
const [name, ...titleWords] = args;
if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
  console.error("usage: npm run new:notebook -- <name> [title]   (name: lowercase letters, digits, dashes)");
  process.exit(2);
}
const title = titleWords.join(" ").trim() || name.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
const root = fileURLToPath(new URL("../", import.meta.url));
const dir = outDir ?? `${root}src/notebooks`;
const target = `${dir}/${name}.md`;
if (existsSync(target)) {
  console.error(`${target} exists already`);
  process.exit(1);
}
const template = readFileSync(`${root}scripts/notebook-template.md`, "utf-8");
mkdirSync(dir, {recursive: true});
writeFileSync(target, template.replaceAll('"{{title}}"', JSON.stringify(title)).replaceAll("{{title}}", title));
console.log(`wrote ${target}`);
console.log("it is listed in the sidebar and on /notebooks/ by itself (observablehq.config.ts reads src/notebooks/)");
console.log(`preview: npm run dev, then open http://127.0.0.1:3000/notebooks/${name}`);
