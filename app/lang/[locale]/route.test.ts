import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openConsoleSession, sealConsoleSession } from "@/lib/auth";
import { type Runtime, startRuntime } from "@/lib/runtime";
import { testConfig } from "@/test/config";
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

describe("/lang/{locale} with a console session", () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = startRuntime(testConfig(), inject("dbUrls"));
  });
  afterAll(() => rt.close());

  it("remembers the choice for the browser and in the buyer's session, whose locale comes first", async () => {
    const who = { channel: "aliyun" as const, uid: "1001", parentUid: "1001", locale: "en" };
    const request = new NextRequest(`${origin}/lang/zh-CN?back=/console`, {
      headers: { cookie: `skyport_console=${sealConsoleSession(rt.config.AUTH_SECRET, who)}` },
    });
    const res = await GET(request, { params: Promise.resolve({ locale: "zh-CN" }) });
    expect(res.cookies.get("skyport_lang")?.value).toBe("zh-CN");
    expect(openConsoleSession(rt.config.AUTH_SECRET, res.cookies.get("skyport_console")?.value)).toEqual({ ...who, locale: "zh-CN" });
  });

  it("ignores a language it does not speak", async () => {
    const res = await switchTo("fr", "/console");
    expect(res.cookies.get("skyport_lang")).toBeUndefined();
  });
});
