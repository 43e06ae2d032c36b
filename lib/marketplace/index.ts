export { handleAliyunSpi, receiveSpiCall, type SpiDeps, type SpiResult } from "./aliyun/handle-spi";
export { createMarketApi, type MarketApi, type MarketApiConfig, type MarketInstanceState } from "./aliyun/market-api";
export { formatShanghaiTime } from "./aliyun/shanghai-time";
export { spiToken } from "./aliyun/spi-token";
export { type AwsApiConfig, type AwsMarketplaceApi, createAwsMarketplaceApi } from "./aws/aws-api";
export { handleAwsNotification, type NotifyDeps, type NotifyResult } from "./aws/notify";
export { type RegisterResult, registerAwsBuyer } from "./aws/register";
export { createSnsVerifier, type SnsVerifier, snsStringToSign } from "./aws/sns";
