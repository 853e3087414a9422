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
 *  3. Table, by the code tree (final-account by-code tables, tree.ts): the
 *     total row first (by evidence from another table, else leftmost), its
 *     empty columns are empty in every row, then the assignment that breaks
 *     the fewest parent = Σ children sums wins.
 *  4. Staged constraints (the “三公” tables, constraints.ts): sums,
 *     part ≤ whole and columns known to be empty, applied stage by stage.
 *
 * One search budget (`SEARCH_BUDGET`, 65,536 placements, combinations or
 * solutions) bounds every search: beyond it a search gives no answer and
 * the row stays unplaced. One tolerance: a sum of m printed figures equals
 * its total within 0.01 × m (base/money.ts).
 */
export { agreed, brokenIdentities, columnVector, orderedPlacements, placeRow, rowCandidates, SEARCH_BUDGET, valueAt } from "./row.ts";
export type { ColumnSchema, Identity, Misprints, RowOptions, RowPlacement } from "./row.ts";
export { resolveGroups, type Group, type Resolvable } from "./groups.ts";
export { fitsIdentities, placeRows, type PlaceOptions, type PlaceRow, type Placement } from "./tree.ts";
export { solveColumns, type Constraint, type Solved, type Stage } from "./constraints.ts";
