// The entity and region pages' small files, fetched by URL (loaders/site/entity-files.ts
// writes them into the corpus archive; `observable preview` serves them from it, `npm run
// build` copies them into dist/ with scripts/doc-files.ts): the entity page loads one
// entity's file, the region page the bodies of one measure, year and phase and the
// entities of one province — never the corpus-wide panel, entities or documents tables.

/** Where the files are served, relative to the site root. */
export const SITE_FILES_BASE = "/_file/data/corpus/";

export type SiteFolder = "entities" | "regions" | "performance";

/** The URL of `<folder>/<name>.json`. */
export function siteFileHref(folder: SiteFolder, name: string, root = ""): string {
  return `${root}${SITE_FILES_BASE}${folder}/${encodeURIComponent(name)}.json`;
}

const loaded = new Map<string, Promise<unknown>>();

/** The parsed file (memoised per page); null when there is none (404: no such entity, or no figure under that filter). */
export function siteFile<T = unknown>(folder: SiteFolder, name: string): Promise<T | null> {
  const url = siteFileHref(folder, name);
  let promise = loaded.get(url);
  if (!promise) {
    promise = fetch(url).then((response) => {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    });
    loaded.set(url, promise);
    promise.catch(() => loaded.delete(url));
  }
  return promise as Promise<T | null>;
}
