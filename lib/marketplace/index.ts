export { handleAliyunSpi, receiveSpiCall, type SpiDeps, type SpiResult } from "./aliyun/handle-spi";
export { createMarketApi, type MarketApi, type MarketApiConfig, type MarketInstanceState } from "./aliyun/market-api";
export { formatShanghaiTime } from "./aliyun/shanghai-time";
export { spiToken } from "./aliyun/spi-token";
