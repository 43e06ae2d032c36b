import type os from "node:os";
import { describe, expect, it } from "vitest";
import { inventorySchema } from "../lib/agents/inventory";
import { interfacesOf } from "./src/inventory";

const address = (addr: string, internal = false) =>
  ({ address: addr, netmask: "", family: addr.includes(":") ? "IPv6" : "IPv4", mac: "", internal, cidr: null }) as os.NetworkInterfaceInfo;

describe("the interfaces an agent reports", () => {
  it("leave out loopback and link-local addresses, and so a container's veths", () => {
    const veths = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`veth${i}`, [address(`fe80::${i.toString(16)}`)]]));
    const all = {
      lo: [address("127.0.0.1", true)],
      eth0: [address("10.0.0.5"), address("fe80::1")],
      docker0: [address("169.254.1.1")],
      ...veths,
    };
    expect(interfacesOf(all)).toEqual([{ name: "eth0", addresses: ["10.0.0.5"] }]);
  });

  it("stay within what Skyport takes, so that a host with hundreds of them is never refused", () => {
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`eth${i}`, Array.from({ length: 80 }, (_, j) => address(`10.${i % 250}.${j}.1`))]),
    );
    const reported = interfacesOf(many);
    expect(reported).toHaveLength(256);
    expect(Math.max(...reported.map((i) => i.addresses.length))).toBe(64);
    expect(inventorySchema.safeParse({ hostname: "node-1", interfaces: reported }).success).toBe(true);
  });
});
