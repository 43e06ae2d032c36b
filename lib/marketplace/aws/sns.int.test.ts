import { createSign, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator } from "../../../test/serve-emulator";
import { sandboxCertificateFile, snsNotification } from "../../sandbox/sns-publisher";
import { sandboxSnsCertificate, sandboxSnsPrivateKey } from "../../sandbox/sns-signing-key";
import { createSnsVerifier, type SnsMessage, snsStringToSign } from "./sns";

// A real notification and the real certificate SNS signed it with (aws-sdk-java-v2's test resources).
const fixtures = "test/fixtures/aws-sns";
const awsMessage: SnsMessage = JSON.parse(readFileSync(`${fixtures}/sample-message.json`, "utf8"));
const awsCertificate = readFileSync(`${fixtures}/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem`, "utf8");

let server: Awaited<ReturnType<typeof serveEmulator>>;
const served: string[] = [];
let prefix: string;
beforeAll(async () => {
  server = await serveEmulator((req) => {
    served.push(req.path);
    if (req.path === `/sns/${sandboxCertificateFile}` || req.path === "/sns/rotated.pem")
      return { status: 200, body: sandboxSnsCertificate };
    if (req.path === "/sns/garbage.pem")
      return { status: 200, body: "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----" };
    return { status: 404, body: "" };
  }, "application/x-pem-file");
  prefix = `${server.endpoint}/sns`;
});
afterAll(() => server.close());

/** The real AWS certificate, as the network would hand it over for its URL. */
const fromAws = async (url: string) => {
  if (url !== awsMessage.SigningCertURL) throw new Error(`no network here (${url})`);
  return awsCertificate;
};

describe("verifying SNS messages as AWS documents it", () => {
  it("accepts a real AWS notification (SignatureVersion 1) with the certificate its SigningCertURL names", async () => {
    expect(await createSnsVerifier({ fetchCertificate: fromAws }).verify(awsMessage)).toBe("valid");
  });

  it("refuses that real notification with any field changed", async () => {
    const sns = createSnsVerifier({ fetchCertificate: fromAws });
    for (const field of ["Message", "MessageId", "Subject", "Timestamp", "TopicArn"] as const)
      expect(await sns.verify({ ...awsMessage, [field]: `${awsMessage[field]}x` }), field).toBe("bad-signature");
    expect(await sns.verify({ ...awsMessage, SignatureVersion: "2" })).toBe("bad-signature");
    expect(await sns.verify({ ...awsMessage, SignatureVersion: "3" })).toBe("bad-signature");
  });

  it.each([
    ["plain HTTP", "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem"],
    ["another host", "https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-x.pem"],
    ["credentials before the host", "https://sns.us-east-1.amazonaws.com@evil.example/SimpleNotificationService-x.pem"],
    ["a port", "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-x.pem"],
    ["not SNS", "https://s3.us-east-1.amazonaws.com/SimpleNotificationService-x.pem"],
    ["a path elsewhere", "https://sns.us-east-1.amazonaws.com/a/../SimpleNotificationService-x.pem"],
    ["a query", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem?x=1"],
  ])("never fetches a certificate from %s", async (_name, url) => {
    let fetched = 0;
    const sns = createSnsVerifier({
      fetchCertificate: async () => {
        fetched++;
        return awsCertificate;
      },
    });
    expect(await sns.verify({ ...awsMessage, SigningCertURL: url })).toBe("untrusted-certificate");
    expect(fetched).toBe(0);
  });

  it("fetches each certificate once, then from its cache; a rotated one is fetched when a message names it", async () => {
    const sns = createSnsVerifier({ extraCertificateOrigins: [prefix] });
    served.length = 0;
    const messages = Array.from({ length: 20 }, (_, i) => snsNotification("arn:aws:sns:us-east-1:1:t", { n: i }, prefix));
    expect(await Promise.all(messages.map((m) => sns.verify(m)))).toEqual(Array(20).fill("valid"));
    expect(served).toEqual([`/sns/${sandboxCertificateFile}`]);
    const rotated = snsNotification("arn:aws:sns:us-east-1:1:t", { n: 99 }, prefix);
    const signed = { ...rotated, SigningCertURL: `${prefix}/rotated.pem` };
    signed.Signature = createSign("RSA-SHA256")
      .update(snsStringToSign(signed) as string)
      .sign(sandboxSnsPrivateKey, "base64");
    expect(await sns.verify(signed)).toBe("valid");
    expect(served).toEqual([`/sns/${sandboxCertificateFile}`, "/sns/rotated.pem"]);
  });

  it("a certificate that cannot be fetched is 'unavailable' (SNS will retry), not a forgery", async () => {
    const sns = createSnsVerifier({ extraCertificateOrigins: [prefix] });
    const m = snsNotification("arn:aws:sns:us-east-1:1:t", {}, prefix);
    expect(await sns.verify({ ...m, SigningCertURL: `${prefix}/missing.pem` })).toBe("certificate-unavailable");
    expect(await sns.verify({ ...m, SigningCertURL: `${prefix}/garbage.pem` })).toBe("certificate-unavailable");
    expect(
      await createSnsVerifier({ extraCertificateOrigins: ["http://127.0.0.1:9/sns"] }).verify({
        ...m,
        SigningCertURL: `http://127.0.0.1:9/sns/${sandboxCertificateFile}`,
      }),
    ).toBe("certificate-unavailable");
  });

  it("a message signed by another key is refused, whatever certificate URL it names", async () => {
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const m = snsNotification("arn:aws:sns:us-east-1:1:t", {}, prefix, { privateKey: forger });
    expect(await createSnsVerifier({ extraCertificateOrigins: [prefix] }).verify(m)).toBe("bad-signature");
  });

  it("the sandbox's origin is trusted only when configured", async () => {
    const m = snsNotification("arn:aws:sns:us-east-1:1:t", {}, prefix);
    expect(await createSnsVerifier().verify(m)).toBe("untrusted-certificate");
  });
});
