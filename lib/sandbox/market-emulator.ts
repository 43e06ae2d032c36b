import { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";

const slot = Symbol.for("skyport.sandbox.market");
const holder = globalThis as unknown as { [slot]?: MarketEmulator };

/** The process's one Market OpenAPI emulator (the server and Next's bundle share it). */
export function marketEmulator(accessKeyId: string, accessKeySecret: string): MarketEmulator {
  holder[slot] ??= createMarketEmulator(new Map([[accessKeyId, accessKeySecret]]));
  return holder[slot];
}
