import { describe, expect, it } from "vitest";
import { openConsoleSession, sealConsoleSession, withSessionLocale } from "./console-session";

const secret = "console-session-test-secret-0123456789";
const who = { channel: "aliyun" as const, uid: "1001", parentUid: "1001", name: "Buyer" };

describe("console sessions", () => {
  it("opens what it sealed, until it expires", () => {
    const now = Date.UTC(2026, 0, 1);
    const cookie = sealConsoleSession(secret, who, now);
    expect(openConsoleSession(secret, cookie, now)).toEqual(who);
    expect(openConsoleSession(secret, cookie, now + 8 * 3600_000 + 1000)).toBeNull();
  });

  it("carries the buyer's locale", () => {
    const cookie = sealConsoleSession(secret, { ...who, locale: "zh-CN" });
    expect(openConsoleSession(secret, cookie)?.locale).toBe("zh-CN");
  });

  it("refuses another secret's seal and a changed body", () => {
    const cookie = sealConsoleSession(secret, who);
    expect(openConsoleSession(`${secret}-other`, cookie)).toBeNull();
    const [, tag] = cookie.split(".");
    const forged = Buffer.from(JSON.stringify({ ...who, parentUid: "2002", exp: 9e9 })).toString("base64url");
    expect(openConsoleSession(secret, `${forged}.${tag}`)).toBeNull();
  });

  it("means 'not signed in' for a tag of the right length in non-ASCII characters (not an exception)", () => {
    const [body, tag = ""] = sealConsoleSession(secret, who).split(".");
    const nonAscii = `${"é".repeat(tag.length)}`;
    expect(nonAscii.length).toBe(tag.length);
    expect(() => openConsoleSession(secret, `${body}.${nonAscii}`)).not.toThrow();
    expect(openConsoleSession(secret, `${body}.${nonAscii}`)).toBeNull();
  });

  it("means 'not signed in' for a correctly sealed body that is not base64url JSON of a session", async () => {
    const { createHmac } = await import("node:crypto");
    const sealRaw = (body: string) => `${body}.${createHmac("sha256", `console-session:${secret}`).update(body).digest("base64url")}`;
    for (const body of ["not*base64", Buffer.from("{not json").toString("base64url"), Buffer.from('"a string"').toString("base64url")]) {
      expect(() => openConsoleSession(secret, sealRaw(body))).not.toThrow();
      expect(openConsoleSession(secret, sealRaw(body))).toBeNull();
    }
  });

  it("means 'not signed in' for missing, empty and shapeless cookies", () => {
    for (const cookie of [undefined, "", ".", "abc", "a.b.c", "x".repeat(5000)]) expect(openConsoleSession(secret, cookie)).toBeNull();
  });
});

describe("withSessionLocale", () => {
  it("changes only the locale, keeping who and when it expires", () => {
    const now = Date.UTC(2026, 0, 1);
    const cookie = sealConsoleSession(secret, who, now);
    const changed = withSessionLocale(secret, cookie, "en", now + 3600_000) as string;
    expect(openConsoleSession(secret, changed, now + 3600_000)).toEqual({ ...who, locale: "en" });
    expect(openConsoleSession(secret, changed, now + 8 * 3600_000 + 1000)).toBeNull();
  });

  it("leaves no session where there was none", () => {
    expect(withSessionLocale(secret, "forged.tag", "en")).toBeNull();
  });
});
