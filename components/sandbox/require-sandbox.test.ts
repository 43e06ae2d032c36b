import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ config: { SANDBOX: "on", HOST: "127.0.0.1" }, staff: null as null | { role: string } }));

// the signed-in member is read again from the staff table (as the session's id names them)
vi.mock("@/lib/runtime", () => ({
  runtime: () => ({
    config: state.config,
    db: {
      opsDb: { staff: { findUnique: async () => state.staff && { id: "s1", email: "s@x", name: "S", disabledAt: null, ...state.staff } } },
    },
  }),
}));
vi.mock("@/lib/auth", () => ({ auth: async () => (state.staff ? { user: { id: "s1", ...state.staff } } : null) }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("404");
  },
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const { requireSandbox } = await import("./require-sandbox");

beforeEach(() => {
  state.config = { SANDBOX: "on", HOST: "127.0.0.1" };
  state.staff = null;
});

describe("requireSandbox", () => {
  it("is open to anyone on a loopback-only server", async () => {
    for (const HOST of ["127.0.0.1", "::1", "localhost"]) {
      state.config.HOST = HOST;
      await expect(requireSandbox()).resolves.toBeUndefined();
    }
  });

  it("asks for an ISV admin's sign-in when the server listens beyond loopback", async () => {
    state.config.HOST = "0.0.0.0";
    await expect(requireSandbox()).rejects.toThrow("redirect /signin?next=/sandbox");
    state.staff = { role: "support" };
    await expect(requireSandbox()).rejects.toThrow("redirect /signin?error=forbidden&next=/sandbox");
    state.staff = { role: "isv_admin" };
    await expect(requireSandbox()).resolves.toBeUndefined();
  });

  it("is not found when the sandbox is off, whoever asks", async () => {
    state.config.SANDBOX = "off";
    state.staff = { role: "isv_admin" };
    await expect(requireSandbox()).rejects.toThrow("404");
  });
});
