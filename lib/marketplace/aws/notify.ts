import type { PrismaClient } from "../../db";
import { NotReadyYet, receiveOnce } from "../inbox";
import { type AwsDeps, applyAwsEvent, customerKey } from "./lifecycle";
import { snsMessageSchema, snsSignatureValid, snsStringToSign } from "./sns";

export type NotifyDeps = AwsDeps & { platformDb: PrismaClient; topicArns: readonly string[]; certificatePem: string | undefined };
export type NotifyResult = { status: number; body: { ok: boolean; message: string } };

const answer = (status: number, ok: boolean, message: string): NotifyResult => ({ status, body: { ok, message } });

/**
 * POST /api/marketplace/aws/notify: an SNS delivery. Refused unless it is a
 * known type, from a configured topic, signed by the configured certificate.
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
  if (!deps.certificatePem) return answer(503, false, "SNS signing certificate not configured");
  if (!snsSignatureValid(m, deps.certificatePem)) return answer(403, false, "bad signature");
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
    const result = await receiveOnce(
      deps.platformDb,
      { channel: "aws", key: `sns:${m.MessageId}`, action, instanceId: customerKey(who), params },
      (tx) => applyAwsEvent(tx, deps, action, who),
    );
    return answer(200, result.success, result.success ? "applied" : (result as { message: string }).message);
  } catch (err) {
    if (err instanceof NotReadyYet) return answer(200, true, "kept until the buyer registers");
    throw err;
  }
}
