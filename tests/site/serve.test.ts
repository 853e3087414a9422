// scripts/serve.mjs: clean URLs, MIME types, loopback only, no path traversal.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import {resolveFile, serve} from "../../scripts/serve.mjs";
// @ts-expect-error -- plain ESM script without type declarations
import {precompress} from "../../scripts/precompress.mjs";

let root: string;
let server: {url: string; close(): Promise<void>};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "serve-"));
  writeFileSync(join(root, "index.html"), "<h1>home</h1>");
  writeFileSync(join(root, "compare.html"), "<h1>compare</h1>");
  mkdirSync(join(root, "_node"));
  writeFileSync(join(root, "_node", "duckdb-eh.wasm"), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(root, "_node", "x.js"), "export {}");
  writeFileSync(join(root, "_node", "big.wasm"), new Uint8Array(64 * 1024).fill(7));
  await precompress(root, {cacheDir: null});
  server = await serve(root, 0);
});

afterAll(async () => {
  await server?.close();
});

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return {status: response.status, type: response.headers.get("content-type"), body: await response.text()};
}

describe("serve.mjs", () => {
  test("binds 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("clean URLs and index.html", async () => {
    expect(await get("/")).toMatchObject({status: 200, body: "<h1>home</h1>"});
    expect(await get("/compare")).toMatchObject({status: 200, body: "<h1>compare</h1>", type: "text/html; charset=utf-8"});
    expect(await get("/compare.html")).toMatchObject({status: 200, body: "<h1>compare</h1>"});
    expect((await get("/missing")).status).toBe(404);
  });

  test("MIME types for wasm and JavaScript", async () => {
    expect((await get("/_node/duckdb-eh.wasm")).type).toBe("application/wasm");
    expect((await get("/_node/x.js")).type).toBe("text/javascript; charset=utf-8");
  });

  test("never serves a file outside the root", () => {
    expect(resolveFile(root, "/../package.json")).toBeUndefined();
    expect(resolveFile(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(resolveFile(root, "/%00")).toBeUndefined();
    expect(resolveFile(root, "/%E0%A4%A")).toBeUndefined();
  });

  test("sends the precompressed copy the client accepts, the file as it is otherwise", async () => {
    const url = `${server.url}/_node/big.wasm`;
    const br = await fetch(url, {headers: {"accept-encoding": "br, gzip"}});
    expect([br.headers.get("content-encoding"), br.headers.get("content-type"), (await br.arrayBuffer()).byteLength]).toEqual(["br", "application/wasm", 65536]);
    const gz = await fetch(url, {headers: {"accept-encoding": "gzip"}});
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(Number(gz.headers.get("content-length"))).toBeLessThan(1024);
    const plain = await fetch(url, {headers: {"accept-encoding": "identity"}});
    expect([plain.headers.get("content-encoding"), plain.headers.get("content-length")]).toEqual([null, "65536"]);
  });
});
