#!/usr/bin/env node
// Tiny static file server for the built site (no dependencies).
// Usage: node scripts/serve.mjs <dir> [port]   (port: argument, else $PORT, else 3000; 0 = any free port)
// Binds 127.0.0.1 only. Clean URLs: /foo → foo.html, /foo/ → foo/index.html.
// Precompressed copies (scripts/precompress.mjs: <file>.br, <file>.gz) are sent
// with Content-Encoding when the request accepts them.
import {createReadStream, statSync} from "node:fs";
import {createServer} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".arrows": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".zip": "application/zip"
};

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path to a file under root (or undefined). Never escapes root. */
export function resolveFile(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (pathname.includes("\0")) return undefined;
  const base = resolve(root);
  const path = normalize(join(base, pathname));
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  const candidates = pathname.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  return candidates.find(isFile);
}

/** The encoding of a precompressed copy of `file` that the client accepts (br before gzip), else undefined. */
export function precompressed(file, acceptEncoding = "") {
  const accepted = new Set(String(acceptEncoding).split(",").map((e) => e.split(";")[0].trim().toLowerCase()));
  if (accepted.has("br") && isFile(`${file}.br`)) return "br";
  if (accepted.has("gzip") && isFile(`${file}.gz`)) return "gzip";
  return undefined;
}

/**
 * Starts serving `root` on 127.0.0.1:`port`.
 * @returns {Promise<{server: import("node:http").Server, url: string, close: () => Promise<void>}>}
 */
export function serve(root, port = 3000, {log = false} = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, {allow: "GET, HEAD"}).end();
      return;
    }
    const file = resolveFile(root, url.pathname);
    if (!file) {
      const notFound = resolveFile(root, "/404.html");
      res.writeHead(404, {"content-type": "text/html; charset=utf-8"});
      if (notFound && req.method === "GET") createReadStream(notFound).pipe(res);
      else res.end("Not found\n");
      if (log) console.log(`404 ${url.pathname}`);
      return;
    }
    const encoding = precompressed(file, req.headers["accept-encoding"]);
    const sent = encoding ? `${file}.${encoding === "br" ? "br" : "gz"}` : file;
    const {size} = statSync(sent);
    res.writeHead(200, {
      "content-type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      ...(encoding ? {"content-encoding": encoding} : {})
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(sent).pipe(res);
    if (log) console.log(`200 ${url.pathname}`);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections(); // do not wait for idle keep-alive sockets
          })
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = "dist", portArg] = process.argv.slice(2);
  const port = Number(portArg ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${portArg ?? process.env.PORT}`);
    process.exit(2);
  }
  if (!isFile(join(dir, "index.html"))) {
    console.error(`serve: ${dir}/index.html not found (run npm run build first)`);
    process.exit(1);
  }
  const {url} = await serve(dir, port, {log: !!process.env.SERVE_LOG});
  console.log(`Serving ${resolve(dir)} at ${url}/`);
}
