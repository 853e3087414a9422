/**
 * Entities: the disclosing bodies behind the documents. Two documents belong
 * to one entity when, after the name rules of names.ts, they name the same
 * body in the same region (GB/T 2260 code, else the region as printed) at
 * the same scope; a renaming a document states joins the old and new names.
 * A department's consolidated accounts (部门/汇总) and its own unit's
 * accounts (单位/本级/机关) are two entities, the unit's parent being the
 * department. Every row says which rules joined its documents and why.
 */
import { createHash } from "node:crypto";
import type { PerformanceProject } from "../performance/types.ts";
import { countyName, divisionName } from "../regions/codes.ts";
import type { DocumentRow } from "../schema/types.ts";
import { bareName, normaliseName, withoutScopeMarker, type StatedRename } from "./names.ts";

export interface EntityRow {
  entity_id: string;
  name: string;
  names: string;
  bare_name: string;
  scope: string;
  region: string | null;
  province: string | null;
  city: string | null;
  region_code: string | null;
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  region_level: string | null;
  parent_id: string | null;
  parent_rule: string | null;
  documents: number;
  first_year: number | null;
  last_year: number | null;
  match_rule: string;
  reason: string;
}

const SCOPE_ZH: Record<string, string> = { department: "部门/汇总", unit: "单位/本级", unknown: "scope not stated" };

const regionKeyOf = (d: DocumentRow) => d.region_code ?? (d.region ? `name:${d.region}` : "none");
const regionNamesOf = (d: DocumentRow) => [d.province, d.city, countyName(d)];
const idOf = (key: string) => `E${createHash("sha256").update(key).digest("hex").slice(0, 10)}`;

/** Union-find over `${regionKey}|${bare}` names; the representative is the name a renaming leads to. */
class Renamings {
  private parent = new Map<string, string>();
  private formerOf = new Set<string>();
  readonly evidence = new Map<string, StatedRename[]>();

  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }

  add(former: string, current: string, stated: StatedRename): void {
    this.formerOf.add(former);
    const a = this.find(former);
    const b = this.find(current);
    // the current name leads; between two groups, the one that is not itself a former name, then the smaller key
    const [keep, drop] = this.formerOf.has(b) && !this.formerOf.has(a) ? [a, b] : this.formerOf.has(a) || a > b ? [b, a] : [a, b];
    if (keep !== drop) this.parent.set(drop, keep);
    for (const k of [former, current]) this.evidence.set(k, [...(this.evidence.get(k) ?? []), stated]);
  }
}

interface Member {
  doc: DocumentRow;
  bare: string;
  rules: string[];
  renamed: StatedRename[];
}

/** Most frequent value, ties to the first in sort order. */
function mode(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export interface Linking {
  entities: EntityRow[];
  /** doc_id → entity_id, for documents with an entity name. */
  byDocument: Map<string, string>;
}

export function linkEntities(documents: DocumentRow[], renames: StatedRename[], projects: ReadonlyArray<Pick<PerformanceProject, "doc_id" | "department">> = []): Linking {
  // a disclosure names its body and is a budget or final account; anything else (a README, a letter) is not linked
  const docs = documents.filter((d) => d.entity && d.kind && d.status !== "error");
  const docById = new Map(docs.map((d) => [d.doc_id, d]));
  const renamings = new Renamings();
  // in a fixed order, whatever order the documents were extracted in
  const ordered = [...renames].sort(
    (a, b) => a.doc_id.localeCompare(b.doc_id) || a.source_line - b.source_line || a.former.localeCompare(b.former) || a.current.localeCompare(b.current),
  );
  for (const r of ordered) {
    const d = docById.get(r.doc_id);
    if (!d) continue;
    const names = regionNamesOf(d);
    const key = (n: string) => `${regionKeyOf(d)}|${bareName(n, names).bare}`;
    renamings.add(key(r.former), key(r.current), r);
  }

  const groups = new Map<string, Member[]>();
  for (const d of docs) {
    const { bare, rules } = bareName(d.entity!, regionNamesOf(d));
    const nameKey = `${regionKeyOf(d)}|${bare}`;
    const root = renamings.find(nameKey);
    const renamed = root !== nameKey || renamings.evidence.has(nameKey) ? [...(renamings.evidence.get(nameKey) ?? [])] : [];
    const key = `${root}|${d.scope ?? "unknown"}`;
    groups.set(key, [...(groups.get(key) ?? []), { doc: d, bare: root.slice(root.indexOf("|") + 1), rules, renamed }]);
  }

  // a unit's stated 主管部门 (performance tables), where it names another body
  const statedDepartment = new Map<string, string>();
  const departments = new Map<string, string[]>();
  for (const p of projects) if (p.department) (departments.get(p.doc_id) ?? departments.set(p.doc_id, []).get(p.doc_id)!).push(p.department);
  for (const d of docs) {
    const named = (departments.get(d.doc_id) ?? []).map(normaliseName);
    const m = mode(named);
    if (m) statedDepartment.set(d.doc_id, m);
  }

  const rows = new Map<string, EntityRow>();
  const byDocument = new Map<string, string>();
  for (const [key, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    members.sort((a, b) => (a.doc.year ?? 0) - (b.doc.year ?? 0) || a.doc.doc_id.localeCompare(b.doc.doc_id));
    const latest = members[members.length - 1].doc;
    const entity_id = idOf(key);
    for (const m of members) byDocument.set(m.doc.doc_id, entity_id);
    const printed = [...new Set(members.map((m) => m.doc.entity!))].sort();
    const rules = new Set<string>(members.length > 1 ? ["same_body"] : ["single_document"]);
    for (const m of members) for (const r of m.rules) rules.add(r);
    if (members.some((m) => m.renamed.length)) rules.add("renamed_in_text");
    const years = members.map((m) => m.doc.year).filter((y): y is number => y !== null);
    const scope = latest.scope ?? "unknown";
    const where = latest.region_code ? `region ${latest.region_code}` : latest.region ? `region ${latest.region} (no code)` : "no region named";
    const docsText = members
      .map((m) => `${m.doc.doc_id} ${m.doc.year ?? "?"} ${m.doc.kind ?? "?"} “${m.doc.entity}”${m.rules.length ? ` [${m.rules.join(", ")}]` : ""}`)
      .join("; ");
    const renameText = [...new Set(members.flatMap((m) => m.renamed.map((r) => `${r.former} → ${r.current} (${r.doc_id} line ${r.source_line})`)))].join("; ");
    rows.set(entity_id, {
      entity_id,
      name: withoutScopeMarker(latest.entity!),
      names: JSON.stringify(printed),
      bare_name: members[0].bare,
      scope,
      region: latest.region,
      province: divisionName(latest.province_code) ?? latest.province,
      city: divisionName(latest.city_code) ?? latest.city,
      region_code: latest.region_code,
      province_code: latest.province_code,
      city_code: latest.city_code,
      county_code: latest.county_code,
      region_level: latest.region_level,
      parent_id: null,
      parent_rule: null,
      documents: members.length,
      first_year: years.length ? Math.min(...years) : null,
      last_year: years.length ? Math.max(...years) : null,
      match_rule: [...rules].join(","),
      reason: `${where} + name ${members[0].bare}, ${SCOPE_ZH[scope]} accounts${scope === "unknown" ? "" : ` (kept apart from the ${scope === "unit" ? "部门/汇总" : "单位/本级"} accounts of the same body)`}: ${docsText}${renameText ? `; renamed in the text: ${renameText}` : ""}`,
    });
  }

  // parents: a unit's accounts belong to the department that the document states
  for (const [key, members] of groups) {
    if (!key.endsWith("|unit")) continue;
    const child = rows.get(idOf(key))!;
    const d = members[members.length - 1].doc;
    const regionKey = regionKeyOf(d);
    const stated = members.map((m) => statedDepartment.get(m.doc.doc_id)).find(Boolean);
    const statedBare = stated ? renamings.find(`${regionKey}|${bareName(stated, regionNamesOf(d)).bare}`) : null;
    const ownKey = key.slice(0, -"|unit".length);
    let parentKey: string | null = null;
    let rule: string | null = null;
    if (statedBare && statedBare !== ownKey) {
      parentKey = `${statedBare}|department`;
      rule = `主管部门 stated: ${stated}`;
    } else {
      const marked = members.some((m) => m.doc.scope_zh === "本级" || m.doc.scope_zh === "机关");
      const departmentKey = `${ownKey}|department`;
      if (marked || groups.has(departmentKey)) {
        parentKey = departmentKey;
        rule = marked
          ? "本级/机关 accounts of the department of the same name"
          : "单位 accounts of the department of the same name, whose own accounts are in the corpus";
      }
    }
    if (!parentKey) continue;
    const parent_id = idOf(parentKey);
    child.parent_id = parent_id;
    child.parent_rule = rule;
    if (!rows.has(parent_id)) {
      rows.set(parent_id, {
        ...child,
        entity_id: parent_id,
        name: stated && statedBare !== ownKey ? withoutScopeMarker(stated) : child.name,
        names: "[]",
        bare_name: parentKey.split("|")[1],
        scope: "department",
        parent_id: null,
        parent_rule: null,
        documents: 0,
        first_year: null,
        last_year: null,
        match_rule: "parent_only",
        reason: `no document of its own: named as the department of ${child.name} (${child.entity_id}): ${rule}`,
      });
    }
  }
  return { entities: [...rows.values()].sort((a, b) => a.entity_id.localeCompare(b.entity_id)), byDocument };
}
