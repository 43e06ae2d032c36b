import { type AwsMarketplaceApi, createAwsMarketplaceApi, createSnsVerifier, type SnsVerifier } from "../marketplace";
import { runtime } from "./index";

let api: AwsMarketplaceApi | undefined;
let sns: SnsVerifier | undefined;

/** What the AWS Marketplace routes need, from the process's runtime. */
export function awsMarketplace() {
  const { config, endpoints, db } = runtime();
  api ??= createAwsMarketplaceApi({
    endpoint: endpoints.awsMarketplace,
    region: config.AWS_REGION,
    accessKeyId: config.AWS_MARKETPLACE_ACCESS_KEY_ID,
    secretAccessKey: config.AWS_MARKETPLACE_SECRET_ACCESS_KEY,
  });
  sns ??= createSnsVerifier({ extraCertificateOrigins: endpoints.snsCertificates ? [endpoints.snsCertificates] : [] });
  return {
    api,
    sns,
    platformDb: db.platformDb,
    productCode: config.AWS_PRODUCT_CODE,
    topicArns: config.AWS_SNS_TOPIC_ARNS,
    now: () => new Date(),
  };
}
