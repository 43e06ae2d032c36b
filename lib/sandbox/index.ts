export { launchLink, type SandboxOrder, sendOrder, shanghaiTime, spiQuery } from "./aliyun-buyer";
export { type AwsSale, publish, subscribe } from "./aws-buyer";
export { type CloudMove, changeBuyerIamRole, changeBuyerRole } from "./buyer-cloud";
export { type ConsoleCall, callThroughConsole } from "./cloud-console";
export { type Exchange, recentExchanges, recordExchange } from "./exchange-log";
export { signedRequestOf } from "./fetch-request";
export { aliyunCloudEmulator, awsCloudEmulator, awsEmulator, marketEmulator } from "./market-emulator";
export { sandboxCertificateFile } from "./sns-publisher";
export { sandboxSnsCertificate } from "./sns-signing-key";
