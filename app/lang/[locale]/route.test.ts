import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

const origin = "http://localhost:3000";
const switchTo = (locale: string, back: string) =>
  GET(new NextRequest(`${origin}/lang/${locale}?back=${encodeURIComponent(back)}`), { params: Promise.resolve({ locale }) });

describe("/lang/{locale}", () => {
  it("goes back to the page, keeping its query", async () => {
    const res = await switchTo("en", "/sandbox/authorize?role=R&aliyunuid=1&returnurl=x&token=t");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${origin}/sandbox/authorize?role=R&aliyunuid=1&returnurl=x&token=t`);
  });

  it("never leaves the site, however the target is spelled", async () => {
    for (const back of [
      "/\\evil.example",
      "//evil.example",
      "\\\\evil.example",
      "/\\/evil.example/x",
      "https://evil.example/",
      "/\t/evil.example",
    ]) {
      const location = new URL((await switchTo("en", back)).headers.get("location") ?? "", origin);
      expect(location.origin, back).toBe(origin);
    }
  });
});
