export { handleAliyunSpi, type SpiDeps, type SpiResult } from "./aliyun/handle-spi";
export { spiToken } from "./aliyun/spi-token";
