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
  invalid: ["This AWS Marketplace registration link is not valid.", "此 AWS Marketplace 注册链接无效。"],
  expired: [
    "This AWS Marketplace registration has expired. Open Skyport again from your AWS Marketplace subscriptions.",
    "此注册已过期。请从 AWS Marketplace 的订阅中重新打开 Skyport。",
  ],
  product: ["This registration is for another product.", "此注册属于其他产品。"],
  unavailable: [
    "Skyport could not reach AWS Marketplace just now. Please try again in a minute.",
    "Skyport 暂时无法连接 AWS Marketplace，请稍后重试。",
  ],
} as const;

function page(status: number, reason: keyof typeof reasons) {
  const [en, zh] = reasons[reason];
  return refusalPage(status, en, zh);
}
