import { createVerify, X509Certificate } from "node:crypto";
import { LRUCache } from "lru-cache";
import { z } from "zod";

export const snsMessageSchema = z.object({
  Type: z.string(),
  MessageId: z.string().min(1).max(128),
  TopicArn: z.string().min(1),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.string(),
  Signature: z.string().min(1),
  SigningCertURL: z.string().max(512),
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
  const fields = Object.hasOwn(fieldsByType, m.Type) ? fieldsByType[m.Type] : undefined;
  if (!fields) return undefined;
  return fields
    .filter((f) => m[f] !== undefined)
    .map((f) => `${f}\n${m[f]}\n`)
    .join("");
}

/** SNS's own certificate URLs: HTTPS, an SNS regional host (China's too), a .pem file at the root. */
const awsCertificateUrl = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/SimpleNotificationService-[A-Za-z0-9]+\.pem$/;

export type SnsVerdict = "valid" | "untrusted-certificate" | "bad-signature" | "certificate-unavailable";

export type SnsVerifierOptions = {
  /** origins trusted besides AWS's SNS hosts: only the sandbox's emulator, when it is on */
  extraCertificateOrigins?: readonly string[];
  /** how a certificate is fetched; tests of the real AWS fixture hand it in (no network here) */
  fetchCertificate?: (url: string) => Promise<string>;
};

/**
 * Verifies SNS messages as AWS documents it: the SigningCertURL must be an
 * SNS host over HTTPS; the certificate is fetched from it (once, then cached,
 * so AWS can rotate it), and the signature checked with it: SHA1withRSA for
 * SignatureVersion 1, SHA256withRSA for 2.
 *
 * Hand-written, not a library: sns-validator and sns-payload-validator both
 * fetch with a bare https.get (no timeout, no redirect refusal) and accept no
 * other certificate origin, so the sandbox, which runs offline on plain HTTP,
 * could not use the same path as production.
 */
export function createSnsVerifier(opts: SnsVerifierOptions = {}) {
  const origins = (opts.extraCertificateOrigins ?? []).map((o) => o.replace(/\/+$/, ""));
  const fetchCertificate = opts.fetchCertificate ?? fetchPem;
  const certificates = new LRUCache<string, X509Certificate>({
    max: 64,
    ttl: 24 * 3600_000,
    fetchMethod: async (url) => new X509Certificate(await fetchCertificate(url)),
  });

  const trusted = (url: string) =>
    awsCertificateUrl.test(url) || origins.some((o) => url.startsWith(`${o}/`) && /^[\w./-]+\.pem$/.test(url.slice(o.length + 1)));

  return {
    async verify(m: SnsMessage): Promise<SnsVerdict> {
      const text = snsStringToSign(m);
      const algorithm = m.SignatureVersion === "1" ? "RSA-SHA1" : m.SignatureVersion === "2" ? "RSA-SHA256" : undefined;
      if (!text || !algorithm) return "bad-signature";
      if (!trusted(m.SigningCertURL)) return "untrusted-certificate";
      let certificate: X509Certificate | undefined;
      try {
        certificate = await certificates.fetch(m.SigningCertURL);
      } catch {
        return "certificate-unavailable";
      }
      if (!certificate) return "certificate-unavailable";
      try {
        return createVerify(algorithm).update(text, "utf8").verify(certificate.publicKey, m.Signature, "base64")
          ? "valid"
          : "bad-signature";
      } catch {
        return "bad-signature";
      }
    },
  };
}

export type SnsVerifier = ReturnType<typeof createSnsVerifier>;

/** A certificate PEM, refusing redirects and slow or oversized answers. */
async function fetchPem(url: string): Promise<string> {
  const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(5_000) });
  if (res.status !== 200) throw new Error(`certificate answered ${res.status}`);
  const pem = await res.text();
  if (pem.length > 16_384 || !pem.includes("-----BEGIN CERTIFICATE-----")) throw new Error("not a PEM certificate");
  return pem;
}
