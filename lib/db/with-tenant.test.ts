import { describe, expect, it } from "vitest";
import { inlineStatement } from "./with-tenant";

const sql = (strings: TemplateStringsArray, ...values: unknown[]) => inlineStatement(strings, values);

describe("inlineStatement", () => {
  it("quotes scalars as literals Postgres types like untyped parameters", () => {
    expect(sql`SELECT ${"o'k"}, ${"back\\slash"}, ${42}, ${true}, ${null}, ${new Date(0)}`).toBe(
      "SELECT 'o''k',  E'back\\\\slash', '42', 'true', NULL, '1970-01-01T00:00:00.000Z'",
    );
  });

  it("declines anything that is not a plain scalar, so it goes as a parameter", () => {
    expect(sql`SELECT ${{ a: 1 }}`).toBeUndefined();
    expect(sql`SELECT ${[1, 2]}`).toBeUndefined();
    expect(sql`SELECT ${Number.NaN}`).toBeUndefined();
    expect(sql`SELECT ${"nul\u0000byte"}`).toBeUndefined();
    expect(sql`SELECT ${Buffer.from("x")}`).toBeUndefined();
  });

  it("keeps an injection attempt inside its literal", () => {
    expect(sql`SELECT * FROM t WHERE uid = ${"x'; DROP TABLE tenants; --"}`).toBe(
      "SELECT * FROM t WHERE uid = 'x''; DROP TABLE tenants; --'",
    );
  });
});
