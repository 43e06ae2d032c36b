import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const base = "https://skyport.example/lang/en";

describe("sameOriginPath", () => {
  it("keeps a local path with its query and fragment", () => {
    expect(sameOriginPath("/console/audit?next=abc#top", base)).toBe("/console/audit?next=abc#top");
    expect(sameOriginPath("https://skyport.example/x?y=1", base)).toBe("/x?y=1");
  });

  it("falls back for anything that resolves to another origin, or nothing", () => {
    for (const t of [
      "/\\evil.example",
      "//evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "http://skyport.example/",
      "javascript:alert(1)",
      // a path that tidies to "//evil.example", another host once resolved again
      "/.//evil.example",
      "/admin/..//evil.example",
      "https://skyport.example//evil.example",
      "",
      null,
    ])
      expect(sameOriginPath(t, base, "/home"), String(t)).toBe("/home");
  });
});
