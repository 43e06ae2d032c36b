import { describe, expect, it } from "vitest";
import { maskAddress, maskEmail, maskPersonalData, maskPhone } from "./mask";

describe("personal data, masked for support", () => {
  it("keeps an email's first letter, the domain's first letter and its suffix", () => {
    expect(maskEmail("alice@example.com")).toBe("a***@e******.com");
    expect(maskEmail("x@y")).toBe("x***@y*");
    expect(maskEmail("not-an-email")).toBe("n***********");
    expect(maskEmail(null)).toBeNull();
  });
  it("keeps a phone number's last four digits", () => {
    expect(maskPhone("+86 138 0013 8000")).toBe("+** *** **** 8000");
    expect(maskPhone("555-0100")).toBe("***-0100");
  });
  it("keeps an IPv4 address's first two octets and an IPv6 address's first two groups", () => {
    expect(maskAddress("203.0.113.45")).toBe("203.0.*.*");
    expect(maskAddress("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:*");
    expect(maskAddress("unknown")).toBe("u******");
  });
});

describe("personal data in a call's params", () => {
  it("masks e-mail addresses and phone numbers at any depth, and leaves the rest", () => {
    expect(maskPersonalData({ contactEmail: "alice@example.com", phones: ["+86 138 0013 8000"], region: "cn-hangzhou", n: 3 })).toEqual({
      contactEmail: "a***@e******.com",
      phones: ["+** *** **** 8000"],
      region: "cn-hangzhou",
      n: 3,
    });
  });
});
