// Loaded before every test file (vitest setupFiles): any HTTP request made
// while a database connection or transaction is held fails the test that made
// it. Actions, jobs and marketplace handlers must call clouds, marketplaces
// and Stripe first and write what they answered after (ARCHITECTURE.md).
// Every client Skyport uses goes through one of these: the AWS SDK and
// pop-core through http(s).request, the rest through fetch.
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import { afterEach } from "vitest";
import { heldConnection } from "../lib/db/connection-scope";

// Also remembered, in case the client swallows the error (an SDK retrying, a
// verification that reports "unreachable"): the test fails after it either way.
const violations: string[] = [];

/** The violations seen so far, forgotten: for the test that proves this guard works. */
export const takeViolations = () => violations.splice(0);

afterEach(() => {
  const seen = takeViolations();
  if (seen.length) throw new NetworkInsideTransaction(seen.join("\n"));
});

function refuseWhileHeld(what: string) {
  const held = heldConnection();
  if (!held) return;
  const message = `${what} while holding ${held}: call the service first, then write what it answered`;
  violations.push(message);
  throw new NetworkInsideTransaction(message);
}

export class NetworkInsideTransaction extends Error {
  override name = "NetworkInsideTransaction";
}

for (const [mod, name] of [
  [http, "http"],
  [https, "https"],
] as const) {
  const { request, get } = mod as { request: (...args: unknown[]) => unknown; get: (...args: unknown[]) => unknown };
  (mod as { request: unknown }).request = (...args: unknown[]) => {
    refuseWhileHeld(`an ${name} request`);
    return request(...args);
  };
  (mod as { get: unknown }).get = (...args: unknown[]) => {
    refuseWhileHeld(`an ${name} request`);
    return get(...args);
  };
}
syncBuiltinESMExports();

const realFetch = globalThis.fetch;
globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
  refuseWhileHeld("a fetch");
  return realFetch(...args);
}) as typeof fetch;
