/** Audit inputs of real documents, as printed or with some lines edited (for a rule's breaking case). */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { auditInputOf } from "../../../loaders/audit/input.ts";
import type { AuditInput, Check } from "../../../loaders/audit/types.ts";
import { extractBytes, extractFile } from "../../../loaders/extract.ts";

export const inputOf = (path: string): AuditInput => auditInputOf(extractFile(path));

export const of = (checks: Check[], rule: string): Check[] => checks.filter((c) => c.rule === rule);

/** The audit input of a document with lines edited: [line (1-based), text printed, replacement]. */
export function editedLines(path: string, edits: Array<[number, string, string]>): AuditInput {
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [n, from, to] of edits) {
    expect(lines[n - 1]).toContain(from);
    lines[n - 1] = lines[n - 1].replace(from, to);
  }
  return auditInputOf(extractBytes(new TextEncoder().encode(lines.join("\n")), path));
}
