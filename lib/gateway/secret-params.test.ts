import { describe, expect, it } from "vitest";
import { z } from "zod";
import { secret, secretParamNames } from "./secret-params";

describe("params marked secret", () => {
  it("are found by name wherever the schema puts them: optional, defaulted, nested, in lists, piped", () => {
    const schema = z.strictObject({
      otp: secret(z.string().min(6)),
      note: secret(z.string()).optional(),
      pin: secret(z.string()).default("0000"),
      profile: z.object({ apiCode: secret(z.string()), name: z.string() }).optional(),
      keys: z.array(z.object({ material: secret(z.string()) })),
      trimmed: secret(z.string()).pipe(z.string().trim()),
      region: z.string(),
    });
    expect([...secretParamNames(schema)].sort()).toEqual(["apiCode", "material", "note", "otp", "pin", "trimmed"]);
    // marking keeps the schema what it was
    expect(schema.parse({ otp: "123456", keys: [], trimmed: " x ", region: "r" })).toMatchObject({ otp: "123456", pin: "0000" });
    expect(secretParamNames(z.strictObject({ region: z.string() })).size).toBe(0);
  });
});
