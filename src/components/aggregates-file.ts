// Fetches the site's aggregates once per page (FileAttachment of the corpus archive's
// aggregates.json) and decodes them (aggregates.ts).
import {FileAttachment} from "observablehq:stdlib";
import {decodeAggregates, type Aggregates, type AggregatesFile} from "./aggregates.js";

export const AGGREGATES_URL = FileAttachment("../data/corpus/aggregates.json").href;

let loaded: Promise<Aggregates> | undefined;

/** The aggregates (memoised). */
export function loadAggregates(): Promise<Aggregates> {
  if (!loaded) {
    loaded = fetch(AGGREGATES_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`Unable to load ${AGGREGATES_URL}: HTTP ${response.status}`);
        return response.json() as Promise<AggregatesFile>;
      })
      .then(decodeAggregates);
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}
