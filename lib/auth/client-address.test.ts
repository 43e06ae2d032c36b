import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("is the address the front door appended, never one the client wrote", () => {
    expect(clientAddress(headers("127.0.0.1"))).toBe("127.0.0.1");
    expect(clientAddress(headers("1.2.3.4, 10.0.0.7"))).toBe("10.0.0.7");
    expect(clientAddress(headers("forged, also-forged, 10.0.0.7"))).toBe("10.0.0.7");
  });

  it("skips the proxies of your own that TRUSTED_PROXIES counts", () => {
    expect(clientAddress(headers("203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
  });

  it("says unknown when nothing names it", () => {
    expect(clientAddress(headers())).toBe("unknown");
    expect(clientAddress(headers("10.0.0.2"), 1)).toBe("unknown");
  });
});
