// The region view's sums and the entity page's side-by-side rows, from the samples' panel (Node).
import {beforeAll, describe, expect, test} from "vitest";
import {extractFiles, type Extraction} from "../../loaders/extract.ts";
import {sideBySide} from "../../src/components/entity-view.ts";
import {TILES, bodyValues, cityRanking, provinceValues, tileColour} from "../../src/components/region-map.ts";
import {DOCS, SAMPLE} from "../loaders/helpers.ts";

let x: Extraction;
beforeAll(() => {
  x = extractFiles([DOCS], {root: DOCS});
}, 60_000);
const rows = () => [x.panel as unknown as Record<string, any>[], x.entities as unknown as Record<string, any>[]] as const;
const entityOf = (path: string) => x.documents.find((d) => path.endsWith(d.source_file))!.entity_id!;

describe("region view", () => {
  test("31 tiles, each a province of the division list, no two in one cell", () => {
    expect(TILES).toHaveLength(31);
    expect(new Set(TILES.map((t) => `${t.row},${t.col}`)).size).toBe(31);
    expect(TILES.every((t) => /^\d{2}0000$/.test(t.code))).toBe(true);
  });

  test("sums by province; a unit is left out where its department has the figure", () => {
    const bodies = bodyValues(...rows(), {measure: "grand_total", year: 2022, phase: "final", level: ""});
    expect(bodies.map((b) => [b.name, b.amount_wan, b.derived])).toEqual([
      ["贵州省医疗保障局", 10693.19, false],
      ["四川省医疗保障局", 7640.34, false],
      ["达州市医疗保障局", 1209.26, true]
    ]);
    expect(Object.fromEntries([...provinceValues(bodies)].map(([k, v]) => [k, [v.amount_wan, v.bodies]]))).toEqual({
      520000: [10693.19, 1],
      510000: [8849.6, 2]
    });
    expect(cityRanking(bodies, "510000").map((c) => [c.city, c.amount_wan])).toEqual([
      ["省级及直辖 province level", 7640.34],
      ["达州市", 1209.26]
    ]);
    // a synthetic department figure for the Sichuan unit's parent hides the unit
    const [panel, entities] = rows();
    const parent = entities.find((e) => e.entity_id === entityOf(SAMPLE.sichuan2022unit))!.parent_id;
    const withParent = [
      ...panel,
      {
        ...panel.find((p) => p.entity_id === entityOf(SAMPLE.sichuan2022unit) && p.measure === "grand_total" && p.year === 2022)!,
        entity_id: parent,
        amount_wan: 9000
      }
    ];
    expect(
      bodyValues(withParent, entities, {measure: "grand_total", year: 2022, phase: "final", level: "province"}).map((b) => [b.name, b.scope, b.amount_wan])
    ).toEqual([
      ["贵州省医疗保障局", "unit", 10693.19],
      ["四川省医疗保障局", "department", 9000]
    ]);
  });

  test("darker for more", () => {
    const lum = (c: string) =>
      c
        .match(/\d+/g)!
        .map(Number)
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    expect(lum(tileColour(10, 0, 10))).toBeLessThan(lum(tileColour(5, 0, 10)));
    expect(lum(tileColour(5, 0, 10))).toBeLessThan(lum(tileColour(0, 0, 10)));
  });
});

describe("entity page", () => {
  test("budget and final of a year on one row, with the execution rate", () => {
    const guizhou = entityOf(SAMPLE.guizhou2022);
    const three = sideBySide(x.panel as never, guizhou).find((r) => r.year === 2022 && r.measure === "three_public_total")!;
    expect([three.budget.amount_wan, three.final.amount_wan, three.execution_rate, three.final.source_line]).toEqual([4.74, 4.74, 1, 622]);
  });
});
