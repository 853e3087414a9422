// Types of vendor/vega.js, the single-module bundle of vega-embed (with Vega and
// Vega-Lite) that scripts/vendor-vega.mjs writes before every build.
export {default as embed} from "vega-embed";
