#!/usr/bin/env node
// Post-build step: each page that holds the build's picture of its first chart
// (<picture>…<img elementtiming="bn-first-chart">, src/components/static-chart.ts) gets a
// preload of that picture at the top of its <head>, before Framework's modulepreloads.
// Served over HTTP/1.1 (6 connections a host), the picture's request otherwise waits
// behind the page's 20 to 30 modules, though nothing it shows needs them. One preload per
// colour scheme (media), so a page fetches only the picture it shows.
// Usage: node scripts/preload-first-chart.mjs [dist]
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

const PICTURE = /<picture><source srcset="([^"]+)" media="\(prefers-color-scheme: dark\)"><img src="([^"]+)"[^>]* elementtiming="bn-first-chart"/;

/**
 * The page's HTML with its first chart's picture preloaded before its first modulepreload (unchanged without a
 * picture or once done). Throws when the page holds the picture's img in another form than PICTURE reads, so a
 * change to the pages' markup fails the build instead of losing the preload unseen.
 */
export function preloadFirstChart(html) {
  const picture = PICTURE.exec(html);
  if (!picture && html.includes('elementtiming="bn-first-chart"'))
    throw new Error("the first chart's <picture> is not in the form this step reads (dark <source>, then <img src> with elementtiming)");
  const at = html.indexOf('<link rel="modulepreload"');
  if (!picture || at < 0 || html.includes('<link rel="preload" as="image"')) return html;
  const [, dark, light] = picture;
  const links =
    `<link rel="preload" as="image" href="${light}" fetchpriority="high" media="not all and (prefers-color-scheme: dark)">\n` +
    `<link rel="preload" as="image" href="${dark}" fetchpriority="high" media="(prefers-color-scheme: dark)">\n`;
  return html.slice(0, at) + links + html.slice(at);
}

function* pages(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("_")) yield* pages(path);
    } else if (entry.name.endsWith(".html")) yield path;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const dist = process.argv[2] ?? "dist";
  const done = [];
  for (const path of pages(dist)) {
    const html = readFileSync(path, "utf-8");
    let next;
    try {
      next = preloadFirstChart(html);
    } catch (error) {
      console.error(`preload-first-chart: ${relative(dist, path)}: ${error.message}`);
      process.exit(1);
    }
    if (next === html) continue;
    writeFileSync(path, next);
    done.push(relative(dist, path));
  }
  console.log(`preload-first-chart: ${done.length} page(s): ${done.join(", ")}`);
}
