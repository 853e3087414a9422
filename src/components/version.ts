// The data version of the site (loaders/site/version.ts: a hash of the documents and
// the parser version), as the build wrote it into every page's <meta name=
// "bn-data-version">. Shared links carry it; a link made on other data gets a warning.
import {h} from "./dom.js";

/** This site's data version ("" outside a built page). */
export function siteDataVersion(): string {
  return typeof document === "undefined" ? "" : (document.querySelector('meta[name="bn-data-version"]')?.getAttribute("content") ?? "");
}

/** A warning when a link was made on other data than this site serves; null when it was not (or does not say). */
export function versionWarning(linkVersion: string | undefined | null, current = siteDataVersion()): HTMLElement | null {
  if (!linkVersion || !current || linkVersion === current) return null;
  return h(
    "p",
    {className: "bn-version-warning", role: "alert", data: {linkVersion, siteVersion: current}},
    h("strong", {text: "Other data. "}),
    `This link was made on data version ${linkVersion}; this site serves data version ${current}. The documents or the parser differ, so the results below may not be what the link's author saw.`
  );
}
