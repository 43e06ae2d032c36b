import { refusalPage, signInBuyer } from "@/components/console/buyer-sign-in";
import { registerAwsBuyer } from "@/lib/marketplace";
import { runtime } from "@/lib/runtime";
import { awsMarketplace } from "@/lib/runtime/aws-marketplace";

/** The AWS Marketplace fulfillment URL: the buyer's browser posts x-amzn-marketplace-token here. */
export async function POST(request: Request) {
  const { config, log, reportOutage } = runtime();
  let token = "";
  try {
    token = String((await request.formData()).get("x-amzn-marketplace-token") ?? "");
  } catch {
    return page(400, "invalid");
  }
  try {
    const result = await registerAwsBuyer(awsMarketplace(), token);
    log.info({ aws: "register", result: result.kind === "login" ? "ok" : result.reason }, "aws marketplace");
    if (result.kind === "page") return page(result.status, result.reason);
    return signInBuyer(
      config.AUTH_SECRET,
      { channel: "aws", uid: result.accountId, parentUid: result.accountId },
      request.url, // the address the browser used, where the session cookie is set
    );
  } catch (err) {
    if (!reportOutage("aws register", err)) log.error({ err: (err as Error).name }, "aws register failed");
    return page(503, "unavailable");
  }
}

const reasons = {
  invalid: "refusal.awsInvalid",
  expired: "refusal.awsExpired",
  product: "refusal.awsProduct",
  unavailable: "refusal.awsUnavailable",
} as const;

const page = (status: number, reason: keyof typeof reasons) => refusalPage(status, reasons[reason]);
