// scripts/preload-first-chart.mjs: a page's picture of its first chart (light and dark, as
// Framework wrote their hashed paths) preloaded before the page's modulepreloads, once;
// pages without a picture unchanged.
import {expect, test} from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import {preloadFirstChart} from "../../scripts/preload-first-chart.mjs";

const HEAD = `<link rel="stylesheet" type="text/css" href="./_import/style.d77932e4.css">
<link rel="modulepreload" href="./_observablehq/client.d10d8454.js">
<link rel="modulepreload" href="./_import/components/vendor/vega.405bdcb4.js">`;
const PICTURE = `<div class="bn-static-chart" id="bn-static-chart"><picture><source srcset="./_file/data/corpus/first-chart-sql-dark.39cd1736.svg" media="(prefers-color-scheme: dark)"><img src="./_file/data/corpus/first-chart-sql.2911ce13.svg" alt="Chart drawn when the site was built" elementtiming="bn-first-chart" fetchpriority="high"></picture></div>`;
const page = (body: string) => `<!DOCTYPE html>\n<html>\n<head>\n${HEAD}\n</head>\n<body>${body}</body>\n</html>`;

test("the picture, light and dark, preloaded before the first modulepreload", () => {
  const html = preloadFirstChart(page(PICTURE));
  const links = [...html.matchAll(/<link [^>]*>/g)].map((m) => m[0]);
  expect(links).toEqual([
    '<link rel="stylesheet" type="text/css" href="./_import/style.d77932e4.css">',
    '<link rel="preload" as="image" href="./_file/data/corpus/first-chart-sql.2911ce13.svg" fetchpriority="high" media="not all and (prefers-color-scheme: dark)">',
    '<link rel="preload" as="image" href="./_file/data/corpus/first-chart-sql-dark.39cd1736.svg" fetchpriority="high" media="(prefers-color-scheme: dark)">',
    '<link rel="modulepreload" href="./_observablehq/client.d10d8454.js">',
    '<link rel="modulepreload" href="./_import/components/vendor/vega.405bdcb4.js">'
  ]);
  expect(html.endsWith(`<body>${PICTURE}</body>\n</html>`)).toBe(true);
  // once: a second run changes nothing
  expect(preloadFirstChart(html)).toBe(html);
});

test("a page without a picture is unchanged", () => {
  const html = page("<p>no chart</p>");
  expect(preloadFirstChart(html)).toBe(html);
});

test("a picture in another form fails the step, naming what it reads", () => {
  const reordered = PICTURE.replace(
    '<img src="./_file/data/corpus/first-chart-sql.2911ce13.svg" alt="Chart drawn when the site was built" elementtiming',
    '<img alt="Chart drawn when the site was built" src="./_file/data/corpus/first-chart-sql.2911ce13.svg" data-x elementtiming'
  ).replace("<source", "<source data-y");
  expect(() => preloadFirstChart(page(reordered))).toThrow(/not in the form this step reads/);
});
