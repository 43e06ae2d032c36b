import { createSign, randomUUID } from "node:crypto";
import { snsStringToSign } from "../marketplace";
import { sandboxSnsPrivateKey } from "./sns-signing-key";

/** An SNS Notification envelope as AWS delivers it, signed (SignatureVersion 2) with the sandbox key. */
export function snsNotification(topicArn: string, message: object, opts: { messageId?: string; privateKey?: string } = {}) {
  const envelope = {
    Type: "Notification",
    MessageId: opts.messageId ?? randomUUID(),
    TopicArn: topicArn,
    Message: JSON.stringify(message),
    Timestamp: new Date().toISOString(),
    SignatureVersion: "2" as const,
    Signature: "",
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-sandbox.pem",
  };
  envelope.Signature = createSign("RSA-SHA256")
    .update(snsStringToSign(envelope) as string)
    .sign(opts.privateKey ?? sandboxSnsPrivateKey, "base64");
  return envelope;
}
