// The site and the browser for one test file: `useSite()` serves dist/ and starts
// Chromium before the file's tests and closes both after them. `server` and
// `browser` are live bindings, set once the hooks have run.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {launchChromium, serveDist, type Server} from "./harness.ts";

export let server: Server;
export let browser: Browser;

export function useSite(): void {
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDist(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
}
