// Fetches the site's aggregates once per page (FileAttachments of the corpus archive's
// aggregates.json and, on /compare, compare.json) and decodes them (aggregates.ts).
import {FileAttachment} from "observablehq:stdlib";
import {
  decodeAggregates,
  decodeCompareAggregates,
  type Aggregates,
  type AggregatesFile,
  type CompareAggregates,
  type CompareAggregatesFile
} from "./aggregates.js";

export const AGGREGATES_URL = FileAttachment("../data/corpus/aggregates.json").href;
export const COMPARE_AGGREGATES_URL = FileAttachment("../data/corpus/compare.json").href;

const json = <T>(url: string): Promise<T> =>
  fetch(url).then((response) => {
    if (!response.ok) throw new Error(`Unable to load ${url}: HTTP ${response.status}`);
    return response.json() as Promise<T>;
  });

let loaded: Promise<Aggregates> | undefined;
let compare: Promise<CompareAggregates> | undefined;

/** The aggregates (memoised). */
export function loadAggregates(): Promise<Aggregates> {
  if (!loaded) {
    loaded = json<AggregatesFile>(AGGREGATES_URL).then(decodeAggregates);
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

/** The Compare page's sets (compare.json, fetched beside aggregates.json; memoised). */
export function loadCompareAggregates(): Promise<CompareAggregates> {
  if (!compare) {
    const file = json<CompareAggregatesFile>(COMPARE_AGGREGATES_URL);
    compare = Promise.all([file, loadAggregates()]).then(([f, agg]) => decodeCompareAggregates(f, agg.documents));
    compare.catch(() => (compare = undefined));
  }
  return compare;
}
