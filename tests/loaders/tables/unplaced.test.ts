// The document message names every line whose numbers a table did not place.
import { describe, expect, it } from "vitest";
import { unplacedLines, unplacedMessage } from "../../../loaders/tables/unplaced.ts";

const row = (source_line: number, reason: string, source_text = "1.00 2.00") => ({ doc_id: "d", table_id: "表1", source_line, source_text, reason });

describe("unplaced lines", () => {
  it("lists each line once, sorted, only for reasons that leave numbers unplaced", () => {
    const residue = [
      row(12, "ambiguous columns: 2 readings fit (…)"),
      row(7, "no column reading keeps the identities (total = basic + project): 3.00"),
      row(12, "ambiguous columns: 3 readings fit (…)"),
      row(9, "header"),
      row(10, "label row without amounts", "合计"),
      row(11, "ambiguous columns: economic rows split over lines", "对民间非营利组织"),
      row(30, "numbers on this line were not placed by the table parser"),
    ];
    expect(unplacedLines(residue)).toEqual([7, 12, 30]);
  });

  it("names all of them in the message, never the first few only", () => {
    const residue = Array.from({ length: 40 }, (_, k) => row(100 + 3 * k, "ambiguous columns: 2 readings fit"));
    const message = unplacedMessage("a.pdf", residue)!;
    expect(message.startsWith("a.pdf: numbers not placed on 40 line(s): 100, 103, 106,")).toBe(true);
    expect(message.endsWith("214, 217")).toBe(true);
    expect(message.split(", ")).toHaveLength(40);
    expect(unplacedMessage("a.pdf", [row(5, "header")])).toBeNull();
  });
});
