import { type Prisma, type PrismaClient, platformTransaction } from "../db";

type Tx = Prisma.TransactionClient;
export type InboxCall = {
  channel: "aliyun" | "aws";
  key: string;
  action: string;
  instanceId: string | null;
  params: Record<string, string>;
};
export type InboxRow = { id: bigint; status: string; answer: unknown; params: Record<string, string> };

/** The call's effect isn't possible yet (its instance or customer is unknown): keep it pending. */
export class NotReadyYet extends Error {}

/**
 * Every marketplace call lands here first: stored under its natural
 * idempotency key, then applied once, in the transaction that locks its row.
 * A repeat gets the stored answer; `apply` throwing NotReadyYet leaves the
 * row pending for `applyPending` to pick up later.
 */
export async function receiveOnce<A>(
  platformDb: PrismaClient,
  call: InboxCall,
  apply: (tx: Tx) => Promise<A>,
  /** a repeat of the key whose other parameters contradict the stored call: its refusal */
  conflict?: (stored: Record<string, string>) => A | undefined,
): Promise<A> {
  await platformDb.marketplaceInbox.createMany({
    data: [{ channel: call.channel, idempotencyKey: call.key, action: call.action, instanceId: call.instanceId, params: call.params }],
    skipDuplicates: true,
  });
  return platformTransaction(platformDb, async (tx) => {
    const [row] = await tx.$queryRaw<InboxRow[]>`
        SELECT id, status::text, answer, params FROM marketplace_inbox
        WHERE channel = ${call.channel}::channel AND idempotency_key = ${call.key} FOR UPDATE`;
    if (!row) throw new Error("inbox row vanished");
    const contradiction = conflict?.(row.params);
    if (contradiction) return contradiction;
    if (row.status !== "pending") return row.answer as A;
    const answer = await apply(tx);
    await settle(tx, row.id, answer);
    return answer;
  });
}

/** Marks a row applied (or refused, for a `{success:false}` answer) with the answer a repeat will get. */
function settle(tx: Tx, id: bigint, answer: unknown) {
  const refused = typeof answer === "object" && answer !== null && (answer as { success?: unknown }).success === false;
  return tx.marketplaceInbox.update({
    where: { id },
    data: { status: refused ? "refused" : "applied", answer: answer as object, appliedAt: new Date() },
  });
}

/** Calls parked for `instanceId` (arrived before what they act on), applied in arrival order. */
export async function applyPending(
  tx: Tx,
  channel: "aliyun" | "aws",
  instanceId: string,
  apply: (row: { action: string; params: Record<string, string> }) => Promise<unknown>,
  except?: string,
) {
  const parked = await tx.marketplaceInbox.findMany({
    where: { channel, instanceId, status: "pending", ...(except && { NOT: { action: except } }) },
    orderBy: { id: "asc" },
  });
  for (const row of parked) await settle(tx, row.id, await apply({ action: row.action, params: row.params as Record<string, string> }));
}
