/**
 * The worker threads' code as one plain-JavaScript module, built once per
 * parser version with esbuild (a dependency of Framework, so always
 * installed) into node_modules/.cache/budget-notebooks/worker/: a worker
 * then starts in ~0.1 s of CPU instead of the ~1.3 s that registering tsx
 * and compiling every TypeScript file in that thread costs. Packages stay
 * imports (resolved from the project's node_modules); `import.meta.url`,
 * `dirname` and `filename` keep meaning the source file they are written in.
 * Null when it cannot be built: the pool then boots workers through tsx.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { pruneOtherVersions } from "./prune.ts";

const DIR = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "budget-notebooks", "worker");
const ENTRY = join(import.meta.dirname, "worker.ts");

/** Path of the bundled worker for this parser version, built if missing; null if esbuild is unavailable or fails. */
export async function workerBundle(version: string): Promise<string | null> {
  const name = `${version.replace(/[^\w.+-]/g, "_")}.mjs`;
  const path = join(DIR, name);
  if (existsSync(path)) return path;
  try {
    const esbuild = await import("esbuild");
    mkdirSync(DIR, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [ENTRY],
      outfile: tmp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "silent",
      plugins: [
        {
          name: "import-meta-of-source",
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => {
              const source = readFileSync(args.path, "utf8")
                .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
                .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
                .replaceAll("import.meta.filename", JSON.stringify(args.path));
              return { contents: source, loader: "ts" };
            });
          },
        },
      ],
    });
    renameSync(tmp, path);
    pruneOtherVersions(DIR, name);
    return path;
  } catch {
    return null;
  }
}
