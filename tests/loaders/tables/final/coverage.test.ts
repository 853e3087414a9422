import { describe, expect, it } from "vitest";
import { SHARED_DIR, hasShared } from "../../../shared.ts";
import { CZJ, CZJ_LAYOUT, DOC_001, DOC_004, coverage, parseDocument } from "./helpers.ts";

describe("every printed number is placed or its line is in residue", () => {
  const cases: Array<[string, string, number, number]> = [
    ["001", DOC_001, 585, 367],
    ["004", DOC_004, 502, 502],
    ["czj", CZJ, 195, 193],
    ["czj layout", CZJ_LAYOUT, 195, 195],
  ];
  for (const [name, path, printed, placed] of cases) {
    it.skipIf(path.startsWith(SHARED_DIR) && !hasShared("external"))(`${name}: ${placed}/${printed} placed, none lost`, () => {
      const c = coverage(parseDocument(path));
      expect(c.lost).toEqual([]);
      expect([c.printed, c.placed]).toEqual([printed, placed]);
    });
  }
});
