import { describe, expect, it } from "vitest";
import { patternCoversOrigin } from "../../../extension/src/settings/pattern-covers-origin.ts";

describe("patternCoversOrigin: the EHR origins of the settings, read as the browser does", () => {
  it("covers every port when the pattern names none, and only its port when it does", () => {
    expect(patternCoversOrigin("http://127.0.0.1/*", "http://127.0.0.1:8789")).toBe(true);
    expect(patternCoversOrigin("http://127.0.0.1:8789/*", "http://127.0.0.1:8789")).toBe(true);
    expect(patternCoversOrigin("http://127.0.0.1:8789/*", "http://127.0.0.1:9000")).toBe(false);
  });

  it("reads * as scheme (http or https), *.host (with the host itself), and <all_urls>", () => {
    expect(patternCoversOrigin("*://ehr.h.be/*", "https://ehr.h.be")).toBe(true);
    expect(patternCoversOrigin("*://ehr.h.be/*", "ftp://ehr.h.be")).toBe(false);
    expect(patternCoversOrigin("https://*.h.be/*", "https://ehr.h.be")).toBe(true);
    expect(patternCoversOrigin("https://*.h.be/*", "https://h.be")).toBe(true);
    expect(patternCoversOrigin("https://*.h.be/*", "https://evil-h.be")).toBe(false);
    expect(patternCoversOrigin("<all_urls>", "https://any.where")).toBe(true);
  });

  it("covers the origin whatever the pattern's path, and nothing for a broken pattern", () => {
    expect(patternCoversOrigin("https://ehr.h.be/patient/*", "https://ehr.h.be")).toBe(true);
    expect(patternCoversOrigin("https://ehr.h.be/*", "https://ehr.h.be.evil.test")).toBe(false);
    expect(patternCoversOrigin("https://ehr.h.be/*", "http://ehr.h.be")).toBe(false);
    expect(patternCoversOrigin("ehr.h.be", "https://ehr.h.be")).toBe(false);
    expect(patternCoversOrigin("https://ehr.h.be/*", "not a url")).toBe(false);
  });
});
