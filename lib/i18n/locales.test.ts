import { describe, expect, it } from "vitest";
import { displayPreferences } from "./display";
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
