import { describe, expect, it } from "vitest";
import { hashPassword, verifyAccountPassword, verifyPassword } from "./password";

describe("staff passwords", () => {
  it("hashes with a fresh salt each time and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horse!", a)).toBe(false);
  });

  it("refuses a stored value of another scheme or shape instead of throwing", async () => {
    for (const stored of ["", "plain", "bcrypt$x$y$z$salt$hash", "scrypt$16384$8$1$$"])
      expect(await verifyPassword("x", stored)).toBe(false);
  });

  it("checks an account that does not exist against a decoy: never a match, even for the decoy's own password", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyAccountPassword("correct horse", stored)).toBe(true);
    expect(await verifyAccountPassword("wrong", stored)).toBe(false);
    expect(await verifyAccountPassword("decoy-password-never-matches", undefined)).toBe(false);
  });
});
