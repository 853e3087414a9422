// A page's filters in the URL fragment (#measure=personnel&year=2023&v=…), so that a view
// can be shared and reopened as it was; `v` is the data version the view was made with
// (datapackage.json `version`), so a reader can tell when the data changed since.

/** The fragment's parameters (without "#"). */
export function readState(hash: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(hash.replace(/^#/, "")));
}

/** The fragment for a state: empty values left out, keys in the order given. */
export function encodeViewState(state: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

/** Replaces the page's fragment without adding a history entry. */
export function writeState(state: Record<string, string | number | null | undefined>): void {
  history.replaceState(null, "", `#${encodeViewState(state)}`);
}

/** A sentence when a shared view was made with other data than the page now has, else null. */
export function versionNote(linked: string | undefined, current: string | null): string | null {
  if (!linked || !current || linked === current) return null;
  return `This view was shared with data version ${linked}; the site now has ${current}: figures may differ.`;
}
