import { describe, expect, it } from "vitest";
import { decodeJsonObject } from "./base64url-json";

const enc = (s: string) => Buffer.from(s).toString("base64url");

describe("decodeJsonObject", () => {
  it("decodes e30 to {}", () => {
    expect(decodeJsonObject("params", "e30")).toEqual({});
  });

  it.each([
    ["padding", `${enc('{"a":1}')}=`, "base64url"],
    ["standard base64 characters", "e+30/", "base64url"],
    ["non-canonical trailing bits", "e31", "canonical"],
    ["impossible length", "e30ab", "base64url"],
    ["invalid UTF-8", Buffer.from([0x7b, 0xff, 0x7d]).toString("base64url"), "UTF-8"],
    ["non-JSON", enc("{not json"), "not JSON"],
    ["an array", enc("[1,2]"), "JSON object"],
    ["a string", enc('"x"'), "JSON object"],
    ["null", enc("null"), "JSON object"],
    ["__proto__ at the top", enc('{"__proto__":{"admin":true}}'), "__proto__"],
    ["constructor nested", enc('{"a":{"b":[{"constructor":1}]}}'), "constructor"],
    ["a NUL in a value", enc('{"displayName":"a\\u0000b"}'), "NUL"],
    ["a NUL in a nested array", enc('{"a":[{"b":["x\\u0000"]}]}'), "NUL"],
    ["a NUL in a key", enc('{"a\\u0000":1}'), "NUL"],
    ["a lone surrogate", enc('{"displayName":"\\ud800x"}'), "surrogate"],
    ["deep nesting", enc(`${"[".repeat(20)}${"]".repeat(20)}`.replace(/^\[/, '{"a":[').replace(/\]$/, "]}")), "nested"],
  ])("refuses %s as InvalidParameter", (_name, input, words) => {
    expect(() => decodeJsonObject("params", input)).toThrow(
      expect.objectContaining({ code: "InvalidParameter", message: expect.stringContaining(words) }),
    );
  });

  it("accepts any well-formed text, astral characters and CJK included", () => {
    expect(decodeJsonObject("params", enc('{"displayName":"云 \\ud83d\\ude80 a\\tb"}'))).toEqual({ displayName: "云 🚀 a\tb" });
  });

  it("accepts nesting up to 8 levels", () => {
    const eight = '{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}';
    expect(decodeJsonObject("params", enc(eight))).toBeTypeOf("object");
  });
});
