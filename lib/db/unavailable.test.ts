import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./index";

const coded = (code: string, message = "x", extra: object = {}) => Object.assign(new Error(message), { code, ...extra });

describe("database unavailable", () => {
  it.each([
    ["a refused Unix-socket connect (Postgres stopped)", coded("ENOENT", "connect ENOENT /tmp/.s.PGSQL.5432", { syscall: "connect" })],
    ["a refused TCP connect", coded("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432", { syscall: "connect" })],
    ["a reset connection", coded("ECONNRESET")],
    ["an administrator's shutdown (57P01)", coded("57P01", "terminating connection due to administrator command")],
    ["starting up or shutting down (57P03)", coded("57P03", "the database system is shutting down")],
    ["a connection exception (class 08)", coded("08006")],
    ["too many connections", coded("53300")],
    ["pg's pool timing out", new Error("timeout exceeded when trying to connect")],
    ["a connection that died under a query", new Error("Connection terminated unexpectedly")],
    ["a client whose connection has failed", new Error("Client has encountered a connection error and is not queryable")],
    ["Prisma's pool timing out", coded("P2024")],
    ["Prisma relaying a refused socket connect", coded("ENOENT", "Invalid `findFirst()` invocation:\n\nconnect ENOENT /tmp/.s.PGSQL.5432")],
    [
      "Prisma's adapter naming a shutdown",
      Object.assign(new Error("driver adapter error"), {
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } },
      }),
    ],
    ["Prisma's adapter naming an unreachable server", Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } })],
    [
      "the cause of a wrapped error",
      Object.assign(new Error("wrapped"), { cause: coded("ENOENT", "connect ENOENT /tmp/x", { syscall: "connect" }) }),
    ],
  ])("%s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["a missing file (ENOENT, not a connect)", coded("ENOENT", "ENOENT: no such file or directory, open 'x'", { syscall: "open" })],
    ["a unique violation", coded("23505")],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "oops"],
  ])("not for %s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
