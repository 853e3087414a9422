/**
 * Where numbers are placed into columns. Text extraction drops empty
 * cells, so a row prints k numbers for a table of n columns (k ≤ n); this
 * module decides which column each number belongs to. It is the one
 * placement solver of the library: the budget and final-account parsers
 * call it, and a reader that knows the cells' positions (a PDF's geometry,
 * a layout-kept text) places by position first and falls back to it.
 *
 * The seam is `placeRow(values, schema, options)`: a row's numbers and the
 * table's column schema (number of columns, within-row identities, whether
 * the first column is the row total) → its candidate placements, the
 * placement when exactly one is left, and the rule that decided it.
 *
 * Rules, in the order they apply:
 *  1. Row: the numbers keep their printed order (numbers printed on two
 *     lines keep the order within each line only); every order-preserving
 *     placement is a candidate, an empty cell counting as zero. A full row
 *     is placed as printed. Candidates that break a within-row identity
 *     (合计 = 基本支出 + 项目支出 …) are dropped; when every candidate
 *     breaks one, the budget parsers report the row ("drop") and the
 *     final-account parsers keep those that break the fewest
 *     ("fewest-broken": a misprinted sum). (row.ts)
 *  2. Table, by groups (budget tables, groups.ts): a parent row equals the
 *     sum of its child rows column by column (类 = Σ款, 合计 = Σ类, 支出总计 =
 *     Σ expenditure rows); a reading is adopted only when exactly one
 *     combination of the children's candidates fits.
 *     What no one combination decides, each column's sum may
 *     (column-sums.ts): the values the open children can put in one column
 *     that no choice meeting its sum uses are dropped.
 *  3. Table, by the code tree (final-account by-code tables, tree.ts): the
 *     total row first (by evidence from another table, else leftmost), its
 *     empty columns are empty in every row, then the assignment that breaks
 *     the fewest parent = Σ children sums wins.
 *  4. Staged constraints (the “三公” tables, constraints.ts): sums,
 *     part ≤ whole and columns known to be empty, applied stage by stage.
 *
 * Why 2 and 3 stay two algorithms. They share the row candidates (row.ts),
 * the search budget and the tolerance, but they decide differently, and the
 * outputs of their tables rest on that difference (unifying them changes
 * which rows are placed, so it was not done):
 *  - What decides: groups adopt a reading only when exactly one combination
 *    of the children meets every sum, so a misprinted sum decides nothing
 *    (the rows stay in residue, "ambiguous columns"); the tree takes the
 *    assignments that break the fewest sums and places a row where all of
 *    them agree, so a misprint is outvoted. In the same spirit budget rows
 *    come with "drop" candidates (a row that breaks its own identity has
 *    none and is reported), final rows with "fewest-broken" (001 02表's
 *    `1358.87 1198.41` alone: no reading vs six; tests/loaders/tables/placement/).
 *  - Which relations: groups are whatever parent = Σ children relations the
 *    parser names — 支出总计 = Σ the expenditure rows of a two-sided
 *    收支总表 (rows without codes), 合计 = Σ 类, 类 = Σ 款, 7-digit codes
 *    under a 类 whose 款 is not printed, none across unit rows; the tree is
 *    the code tree of one by-code table, by code prefix, rooted at 合计.
 *  - What the total does: groups bound each open child by its parent's
 *    placed columns (amounts not negative); the tree places 合计 first (by
 *    another table's evidence, else the leftmost reading that keeps the
 *    identity) and restricts every other row to the total row's non-empty
 *    columns.
 *
 *  0. Position (a PDF, geometry.ts), first where the document keeps its
 *     positions: the header cells' x-extents are the columns, a number goes
 *     where its x-span falls; the rules below decide where the geometry is
 *     unclear, and for text input. Rule "geometry: x-span under the column
 *     header", not inferred. Layout-kept text (layout.ts): a number goes to
 *     the column whose header word's display centre is nearest.
 *
 * One search budget (`SEARCH_BUDGET`, 65,536 placements, combinations or
 * solutions) bounds every search: beyond it a search gives no answer and
 * the row stays unplaced. One tolerance: a sum of m printed figures equals
 * its total within 0.01 × m (base/money.ts).
 */
export { agreed, brokenIdentities, columnVector, orderedPlacements, placeRow, rowCandidates, SEARCH_BUDGET, valueAt } from "./row.ts";
export type { ColumnSchema, Identity, Misprints, RowOptions, RowPlacement } from "./row.ts";
export { resolveGroups, type Group, type Resolvable } from "./groups.ts";
export { resolveByColumnSums } from "./column-sums.ts";
export { fitsIdentities, placeRows, type PlaceOptions, type PlaceRow, type Placement } from "./tree.ts";
export { GEOMETRY_RULE, placeByGeometry, sectionGrid, type Grid } from "./geometry.ts";
export { groupedGrid, groupSums, isSumHeader, type GroupedGrid } from "./grouped-header.ts";
export { headerAnchors, nearestAnchor } from "./layout.ts";
export { solveColumns, type Constraint, type Solved, type Stage } from "./constraints.ts";
