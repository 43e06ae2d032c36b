import { createVerify } from "node:crypto";
import { z } from "zod";

export const snsMessageSchema = z.object({
  Type: z.string(),
  MessageId: z.string().min(1).max(128),
  TopicArn: z.string().min(1),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1),
  SigningCertURL: z.string().optional(),
  Subject: z.string().optional(),
  Token: z.string().optional(),
  SubscribeURL: z.string().optional(),
});
export type SnsMessage = z.output<typeof snsMessageSchema>;

const fieldsByType: Record<string, (keyof SnsMessage)[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
  UnsubscribeConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
};

/** SNS's string to sign: `name\nvalue\n` for each field of the type, in order, omitting an absent Subject. */
export function snsStringToSign(m: SnsMessage): string | undefined {
  const fields = fieldsByType[m.Type];
  if (!fields) return undefined;
  return fields
    .filter((f) => m[f] !== undefined)
    .map((f) => `${f}\n${m[f]}\n`)
    .join("");
}

/**
 * Verifies the signature with the configured signing certificate (pinned: the
 * message's SigningCertURL is never fetched). Version 1 is SHA1withRSA,
 * version 2 SHA256withRSA.
 */
export function snsSignatureValid(m: SnsMessage, certificatePem: string): boolean {
  const text = snsStringToSign(m);
  if (!text) return false;
  try {
    return createVerify(m.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256")
      .update(text, "utf8")
      .verify(certificatePem, m.Signature, "base64");
  } catch {
    return false;
  }
}
