export { launchLink, type SandboxOrder, sendOrder, shanghaiTime, spiQuery } from "./aliyun-buyer";
export { type AwsSale, publish, subscribe } from "./aws-buyer";
export { type CloudMove, changeBuyerIamRole, changeBuyerRole } from "./buyer-cloud";
export { type ConsoleCall, callThroughConsole } from "./cloud-console";
export { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";
export { type Exchange, recentExchanges, recordExchange } from "./exchange-log";
export { signedRequestOf } from "./fetch-request";
export { aliyunCloudEmulator, awsCloudEmulator, awsEmulator, marketEmulator } from "./market-emulator";
export { snsNotification } from "./sns-publisher";
