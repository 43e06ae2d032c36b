import type { PrismaClient } from "../../db";
import { NotReadyYet, receiveOnce } from "../inbox";
import type { AwsEntitlement } from "./aws-api";
import { type AwsCustomerKey, type AwsDeps, applyAwsEvent, customerKey, needsEntitlements } from "./lifecycle";
import { type SnsVerifier, snsMessageSchema, snsStringToSign } from "./sns";

export type NotifyDeps = AwsDeps & { platformDb: PrismaClient; topicArns: readonly string[]; sns: SnsVerifier };
export type NotifyResult = { status: number; body: { ok: boolean; message: string } };

const answer = (status: number, ok: boolean, message: string): NotifyResult => ({ status, body: { ok, message } });

/**
 * POST /api/marketplace/aws/notify: an SNS delivery. Refused unless it is a
 * known type, from a configured topic, signed with the certificate SNS names
 * (fetched from an SNS host; a 503 while it cannot be, so that SNS retries).
 * Notifications are deduped by MessageId through the inbox and applied once;
 * one for a buyer who has not registered yet is kept and applied when they do.
 */
export async function handleAwsNotification(deps: NotifyDeps, rawBody: string): Promise<NotifyResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return answer(400, false, "not JSON");
  }
  const envelope = snsMessageSchema.safeParse(parsed);
  if (!envelope.success) return answer(400, false, "not an SNS message");
  const m = envelope.data;
  if (!snsStringToSign(m)) return answer(400, false, `unknown SNS message type ${m.Type}`);
  if (!deps.topicArns.includes(m.TopicArn)) return answer(403, false, "topic not configured");
  const verdict = await deps.sns.verify(m);
  if (verdict === "certificate-unavailable") return answer(503, false, "the signing certificate could not be fetched; retry");
  if (verdict === "untrusted-certificate") return answer(403, false, "SigningCertURL is not an Amazon SNS certificate");
  if (verdict !== "valid") return answer(403, false, "bad signature");
  if (m.Type !== "Notification") return answer(200, true, `${m.Type} received: confirm the subscription in the AWS console`);

  let event: { action?: unknown; "customer-identifier"?: unknown; "customer-aws-account-id"?: unknown; "product-code"?: unknown };
  try {
    event = JSON.parse(m.Message);
  } catch {
    return answer(400, false, "Message is not JSON");
  }
  if (event["product-code"] !== deps.productCode) return answer(400, false, "another product's notification");
  const who = {
    accountId: typeof event["customer-aws-account-id"] === "string" ? event["customer-aws-account-id"] : undefined,
    customerIdentifier: typeof event["customer-identifier"] === "string" ? event["customer-identifier"] : undefined,
  };
  const action = String(event.action ?? "");
  if (!who.accountId && !who.customerIdentifier) return answer(400, false, "no customer in the notification");

  const params = {
    action,
    ...(who.accountId && { accountId: who.accountId }),
    ...(who.customerIdentifier && { customerIdentifier: who.customerIdentifier }),
  };
  try {
    // AWS is asked before the inbox row is locked: no remote call inside a transaction
    const entitlements = needsEntitlements(action) ? await currentEntitlements(deps, who) : undefined;
    const result = await receiveOnce(
      deps.platformDb,
      { channel: "aws", key: `sns:${m.MessageId}`, action, instanceId: customerKey(who), params },
      (tx) => applyAwsEvent(tx, deps.now(), action, who, entitlements),
    );
    return answer(200, result.success, result.success ? "applied" : (result as { message: string }).message);
  } catch (err) {
    if (err instanceof NotReadyYet) return answer(200, true, "kept until the buyer registers");
    throw err;
  }
}

/** The buyer's entitlements now, or undefined while the buyer has not registered (nothing to apply them to yet). */
async function currentEntitlements(deps: NotifyDeps, who: AwsCustomerKey): Promise<AwsEntitlement[] | undefined> {
  const accountId =
    who.accountId ??
    (
      await deps.platformDb.subscription.findFirst({
        where: { customerRef: who.customerIdentifier ?? "", tenant: { channel: "aws" } },
        select: { tenant: { select: { externalId: true } } },
      })
    )?.tenant.externalId;
  return accountId === undefined ? undefined : deps.api.getEntitlements(deps.productCode, accountId);
}
