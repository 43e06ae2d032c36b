import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { spiToken, spiTokenMatches } from "./spi-token";

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

describe("Alibaba SPI token", () => {
  it("matches the spec's example", () => {
    const params = new Map([
      ["p3", "3"],
      ["p1", "1"],
      ["p2", "2"],
    ]);
    expect(spiToken(params, "isvkey")).toBe("691b1c2be27485a87fb000de6f89f1d3");
    expect(md5("p1=1&p2=2&p3=3&key=isvkey")).toBe("691b1c2be27485a87fb000de6f89f1d3");
  });

  it("signs decoded values with spaces and extra billable-item parameters, never the token itself", () => {
    const params = new Map([
      ["action", "createInstance"],
      ["expiredOn", "2013-01-01 01:01:01"],
      ["Count", "5"],
      ["aliUid", "1001"],
      ["token", "ignored"],
    ]);
    // byte order: uppercase before lowercase
    expect(spiToken(params, "isvkey")).toBe(md5("Count=5&action=createInstance&aliUid=1001&expiredOn=2013-01-01 01:01:01&key=isvkey"));
  });

  it("verifies in constant time, refusing a wrong or missing token", () => {
    const params = new Map([
      ["action", "verify"],
      ["instanceId", "42"],
    ]);
    params.set("token", spiToken(params, "isvkey"));
    expect(spiTokenMatches(params, "isvkey")).toBe(true);
    expect(spiTokenMatches(params, "other-key")).toBe(false);
    params.set("token", "0".repeat(32));
    expect(spiTokenMatches(params, "isvkey")).toBe(false);
    params.delete("token");
    expect(spiTokenMatches(params, "isvkey")).toBe(false);
  });
});
