import { describe, expect, it } from "vitest";
import { displayPreferences, instantOfWallTime } from "./display";
import { matchLocale, negotiateLocale, resolveLocale } from "./locales";

describe("choosing the viewer's language", () => {
  it("maps any Chinese to zh-CN and any English to en", () => {
    expect(["zh", "zh-CN", "zh-Hans-CN", "ZH_tw"].map(matchLocale)).toEqual(["zh-CN", "zh-CN", "zh-CN", "zh-CN"]);
    expect(["en", "en-US", "en-GB"].map(matchLocale)).toEqual(["en", "en", "en"]);
    expect([undefined, "", "fr-FR", "<script>"].map(matchLocale)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("reads Accept-Language by its q-values", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7")).toBe("zh-CN");
    expect(negotiateLocale("en;q=0.5,zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("zh;q=0,en")).toBe("en");
    expect(negotiateLocale("fr, de")).toBeUndefined();
  });

  it("puts the console's userinfo.locale first, then the switcher's choice, then the browser, then English", () => {
    expect(resolveLocale({ session: "zh-CN", chosen: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ chosen: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "zh-CN,zh;q=0.9" })).toBe("zh-CN");
    expect(resolveLocale({ session: "fr", chosen: "de", acceptLanguage: "ja" })).toBe("en");
  });
});

describe("display preferences", () => {
  it("shows Alibaba buyers Asia/Shanghai and CNY, others UTC and USD, unless they chose", () => {
    expect(displayPreferences({ channel: "aliyun" })).toEqual({ timeZone: "Asia/Shanghai", currency: "CNY" });
    expect(displayPreferences({ channel: "aws" })).toEqual({ timeZone: "UTC", currency: "USD" });
    expect(displayPreferences({})).toEqual({ timeZone: "UTC", currency: "USD" });
    expect(displayPreferences({ channel: "aliyun", zone: "Europe/Berlin", currency: "USD" })).toEqual({
      timeZone: "Europe/Berlin",
      currency: "USD",
    });
  });

  it("ignores a zone or currency that is not one", () => {
    expect(displayPreferences({ channel: "aliyun", zone: "Mars/Olympus", currency: "XXX" })).toEqual({
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    });
  });
});

describe("a wall-clock time read in the viewer's zone", () => {
  it("is the instant it names there, whatever the server process's own zone", () => {
    const processZone = process.env.TZ;
    try {
      for (const serverZone of ["UTC", "America/New_York", "Asia/Shanghai"]) {
        process.env.TZ = serverZone;
        expect(instantOfWallTime("2026-12-01T10:00", "Asia/Shanghai"), serverZone).toBe("2026-12-01T02:00:00.000Z");
        expect(instantOfWallTime("2026-12-01T10:00:30", "UTC"), serverZone).toBe("2026-12-01T10:00:30.000Z");
      }
    } finally {
      process.env.TZ = processZone;
    }
    // a time the clocks skip (New York, spring forward at 02:00) is the one an hour later; summer time counts
    expect(instantOfWallTime("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(instantOfWallTime("2026-07-01T12:00", "America/New_York")).toBe("2026-07-01T16:00:00.000Z");
  });

  it("hands back anything else for the schema to refuse", () => {
    for (const text of ["2026-12-01T10:00Z", "2026-12-01", "yesterday", "2026-12-01T10:00+08:00"])
      expect(instantOfWallTime(text, "Asia/Shanghai")).toBe(text);
  });
});
