import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium: the browser tests drive it, never a browser build of Playwright's own. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Starts headless Chromium; fails, never skips, when it is not installed. The flags keep it off the network this
 * machine does not have (background networking, component updates, sync) and let it run as root.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}, and the browser test needs it. Install it (as root) with ` +
        "`apt-get update && apt-get install -y --no-install-recommends chromium`, as scripts/ensure-chromium.sh does.",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Bundles a page script and everything it imports into one ES module for the browser. */
export async function bundleForBrowser(entryPoint: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    define,
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined || result.outputFiles.length !== 1) throw new Error(`esbuild wrote ${result.outputFiles.length} files for ${entryPoint}`);
  return output.text;
}

/** Serves one page on 127.0.0.1: `/` loads `script` as a module from `/page.js`. */
export async function servePage(script: string) {
  const html = '<!doctype html>\n<html><head><meta charset="utf-8"><title>diga</title><script type="module" src="/page.js"></script></head><body></body></html>\n';
  const server = createServer((request, response) => {
    if (request.url === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (request.url === "/page.js") response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
