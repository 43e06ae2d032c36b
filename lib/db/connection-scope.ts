import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "./generated/client";

// What the code running now holds: a tenant transaction, a tenant read's
// connection, or a platform transaction (and its row locks). Nothing may call
// another service while holding one (ARCHITECTURE.md): ten slow clouds would
// hold ten connections and stall every request. The test suite fails any
// HTTP request made inside a scope (test/no-network-in-transaction.ts).
const held = new AsyncLocalStorage<string>();

/** What the current async context holds, if anything: for guards and tests. */
export const heldConnection = (): string | undefined => held.getStore();

/** Runs fn as holding `what` (a connection or a transaction). */
export const holding = <T>(what: string, fn: () => Promise<T>): Promise<T> => held.run(what, fn);

/**
 * A platform (cross-tenant) transaction. The one way to open one, so that
 * every transaction is known to be held while it runs.
 */
export function platformTransaction<T>(
  platformDb: PrismaClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options: { maxWait?: number; timeout?: number } = { maxWait: 10_000, timeout: 20_000 },
): Promise<T> {
  return holding("a platform transaction", () => platformDb.$transaction(fn, options));
}
