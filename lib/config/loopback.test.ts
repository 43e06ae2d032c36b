import { describe, expect, it } from "vitest";
import { listensBeyondLoopback } from "./loopback";

describe("listensBeyondLoopback", () => {
  it("is false only for the loopback names", () => {
    for (const host of ["127.0.0.1", "::1", "[::1]", "localhost", " LOCALHOST "]) expect(listensBeyondLoopback(host), host).toBe(false);
  });

  it("is true for every address other machines can reach, the wildcards first", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "skyport.example.com", "127.0.0.1.nip.io"])
      expect(listensBeyondLoopback(host), host).toBe(true);
  });
});
