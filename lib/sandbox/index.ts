export { type Exchange, launchLink, recentExchanges, type SandboxOrder, sendOrder, shanghaiTime, spiQuery } from "./aliyun-buyer";
