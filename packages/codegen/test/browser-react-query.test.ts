import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { bundleForBrowser, launchChromium, servePage } from "./support/browser.js";

/**
 * The TanStack Query plugin's output in a real React app in Chromium: `useInfiniteQuery` with the generated options
 * lists phones from the fake Diga API on another origin, and "More phones" follows the API's cursors page by page.
 */
describe("generated TanStack Query options in a React app in Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  let pageServer: Awaited<ReturnType<typeof servePage>> | undefined;
  let diga: FakeDiga | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const script = await bundleForBrowser(fileURLToPath(new URL("./support/react-query-page.ts", import.meta.url)), { "process.env.NODE_ENV": '"production"' });
    pageServer = await servePage(script);
    diga = await startFakeDiga({ cors: { origin: pageServer.url } });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${pageServer.url}/`);
    await page.waitForFunction(() => "startPhones" in globalThis);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pageServer?.close();
    await diga?.close();
  });

  it("renders the first page, then two more with each click, by the API's cursors", async () => {
    const server = diga as FakeDiga;
    await page.evaluate((config) => (globalThis as unknown as { startPhones: (config: unknown) => void }).startPhones(config), { baseUrl: server.url, token: server.token });
    const shown = () => page.locator("li").evaluateAll((items) => items.map((item) => item.getAttribute("data-id")));
    const newestFirst = [...server.phones].reverse().map((phone) => phone.id);
    const more = page.getByRole("button", { name: "More phones" });

    await page.locator("li").nth(4).waitFor();
    expect(await shown()).toStrictEqual(newestFirst.slice(0, 5));
    for (const count of [10, 15]) {
      await more.click();
      await page
        .locator("li")
        .nth(count - 1)
        .waitFor();
      await page.locator('main[data-state="idle"]').waitFor();
      expect(await shown()).toStrictEqual(newestFirst.slice(0, count));
    }
    const gets = server.requests.filter((request) => request.method === "GET").map((request) => request.url);
    expect(gets).toStrictEqual(["/v1/phone/?limit=5", `/v1/phone/?after=${newestFirst[4] ?? ""}&limit=5`, `/v1/phone/?after=${newestFirst[9] ?? ""}&limit=5`]);
    expect(pageErrors).toStrictEqual([]);
  }, 60_000);
});
