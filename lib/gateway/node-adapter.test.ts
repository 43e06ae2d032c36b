import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import type { Gateway } from "./create-gateway";
import { serveNode } from "./node-adapter";

const gateway: Gateway = {
  handle: async (req) => ({ status: 200, code: "OK", headers: { "x-action": req.action }, body: req.clientAddress ?? "" }),
};
const request = (action: string, remoteAddress = "203.0.113.7", headers: Record<string, string> = {}) =>
  ({ url: `/api/${action}?a=1`, method: "GET", headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

function response(written: string[], failing = false) {
  return {
    writeHead: (_status: number, headers: Record<string, string>) => {
      if (failing) throw new TypeError("invalid header");
      written.push(`head ${headers["x-action"]}`);
    },
    end: (body: string) => written.push(`body ${body}`),
  } as unknown as ServerResponse;
}

describe("serveNode", () => {
  it("writes the responses ready in one turn together, in order, after the turn", async () => {
    const written: string[] = [];
    const served = ["DescribeA", "DescribeB", "DescribeC"].map((a) => serveNode(gateway, request(a), response(written)));
    for (let i = 0; i < 10; i++) await Promise.resolve(); // every handle() has answered by now
    expect(written).toEqual([]);
    await Promise.all(served);
    expect(written).toEqual([
      "head DescribeA",
      "body 203.0.113.7",
      "head DescribeB",
      "body 203.0.113.7",
      "head DescribeC",
      "body 203.0.113.7",
    ]);
  });

  it("hands the gateway the peer's address, for the limit on refused calls", async () => {
    const written: string[] = [];
    await serveNode(gateway, request("DescribeA", "2001:db8::1", { "x-forwarded-for": "198.51.100.9" }), response(written));
    expect(written).toEqual(["head DescribeA", "body 2001:db8::1"]); // a client's own X-Forwarded-For is not believed
  });

  it("behind TRUSTED_PROXIES proxies of your own, the address the nearest of them saw", async () => {
    const written: string[] = [];
    const viaBalancer = request("DescribeA", "10.0.0.3", { "x-forwarded-for": "203.0.113.66, 198.51.100.9" });
    await serveNode(gateway, viaBalancer, response(written), 1);
    expect(written).toEqual(["head DescribeA", "body 198.51.100.9"]);
  });

  it("a response that cannot be written fails its own call only", async () => {
    const written: string[] = [];
    const bad = serveNode(gateway, request("DescribeBad"), response(written, true));
    const good = serveNode(gateway, request("DescribeGood"), response(written));
    await expect(bad).rejects.toThrow("invalid header");
    await good;
    expect(written).toEqual(["head DescribeGood", "body 203.0.113.7"]);
  });
});
