import { describe, expect, it } from "vitest";
import { bundleSize, BUNDLES } from "../../../scripts/bundle-size.js";

/** What an application bundler keeps of the generated client (esbuild, minified, ESM). */
describe("bundling the generated Diga client", () => {
  it("importing one standalone function does not pull in the facade", async () => {
    const { code } = await bundleSize("one operation", BUNDLES["one list operation (listPhones + createClient)"]);
    const { code: whole } = await bundleSize("whole", BUNDLES["the whole package (index, facade included)"]);
    // The facade assigns `this.phones`; present in the whole package, absent from the one-operation bundle.
    expect(whole).toContain("this.phones=");
    expect(code).not.toContain("this.phones=");
    expect(code).not.toContain("this.client=");
  });

  it("bundles only the pagination styles the operation uses (cursor and page numbers for listPhones)", async () => {
    const { code } = await bundleSize("one operation", BUNDLES["one list operation (listPhones + createClient)"]);
    const { code: runtime } = await bundleSize("runtime", BUNDLES["the whole runtime"]);
    // The Link header style's rel names: in the whole runtime, not where no operation pages by the Link header.
    expect(runtime).toContain('"prev"');
    expect(code).not.toContain('"prev"');
    expect(code).toContain("current_page");
  });

  it("bundles only the parameter styles, formats, body checks and response readers the operation uses", async () => {
    const { code } = await bundleSize("one operation", BUNDLES["one list operation (listPhones + createClient)"]);
    const { code: runtime } = await bundleSize("runtime", BUNDLES["the whole runtime"]);
    const perUse = {
      "deepObject query style": "%5D=",
      "date format check": "a date (YYYY-MM-DD)",
      "body checks": "cannot carry a body",
      "following a server's URL": "so it is not followed",
      "text response reader": "text/plain, */*",
      "path templates": 'path parameter "',
      "exclusive bounds": "must be greater than",
      "length bounds": "characters long",
      "pattern checks": "must match /",
      allowReserved: "3A|2F|3F",
      "servers with variables or relative to the page": "location?.href",
    };
    for (const [feature, marker] of Object.entries(perUse)) {
      expect(runtime, feature).toContain(marker);
      expect(code, feature).not.toContain(marker);
    }
    // What listPhones does use: form query parameters, UUID and date-time checks, and redirects followed by hand, since
    // its bearer token travels in a header.
    expect(code).toContain("opaqueredirect");
    expect(code).toContain("a UUID");
    expect(code).toContain("an RFC 3339 date-time");
  });

  it("stays within its size budget (a regression guard, not the goal: see scripts/bundle-size.ts)", async () => {
    const { gzipped } = await bundleSize("one operation", BUNDLES["one list operation (listPhones + createClient)"]);
    expect(gzipped).toBeLessThan(6_480);
  });
});
