import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

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
});
