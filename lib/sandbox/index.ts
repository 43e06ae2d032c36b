export { type Exchange, launchLink, recentExchanges, type SandboxOrder, sendOrder, shanghaiTime, spiQuery } from "./aliyun-buyer";
export { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";
export { marketEmulator } from "./market-emulator";
