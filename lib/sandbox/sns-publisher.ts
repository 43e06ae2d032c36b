import { createSign, randomUUID } from "node:crypto";
import { snsStringToSign } from "../marketplace";
import { sandboxSnsPrivateKey } from "./sns-signing-key";

/** The file name under which the sandbox serves its signing certificate (app/sandbox/emulators/sns). */
export const sandboxCertificateFile = "SimpleNotificationService-sandbox.pem";

/**
 * An SNS Notification envelope as AWS delivers it, signed (SignatureVersion 2)
 * with the sandbox key; its SigningCertURL is the sandbox's certificate in
 * `certificates` (the sandbox's SNS emulator: Endpoints.snsCertificates).
 */
export function snsNotification(
  topicArn: string,
  message: object,
  certificates: string,
  opts: { messageId?: string; privateKey?: string } = {},
) {
  const envelope = {
    Type: "Notification",
    MessageId: opts.messageId ?? randomUUID(),
    TopicArn: topicArn,
    Message: JSON.stringify(message),
    Timestamp: new Date().toISOString(),
    SignatureVersion: "2" as const,
    Signature: "",
    SigningCertURL: `${certificates}/${sandboxCertificateFile}`,
  };
  envelope.Signature = createSign("RSA-SHA256")
    .update(snsStringToSign(envelope) as string)
    .sign(opts.privateKey ?? sandboxSnsPrivateKey, "base64");
  return envelope;
}
