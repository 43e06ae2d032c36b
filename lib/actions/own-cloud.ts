import { z } from "zod";
import type { Provider } from "../cloud";
import { type Caller, invalid } from "../gateway";

export const provider = z.enum(["aliyun", "aws"]);

/** A tenant's cloud is the one it bought through; its account is the caller's main account. */
export function ownCloud(caller: Caller, wanted: Provider) {
  if (caller.channel !== wanted)
    throw invalid(
      `this tenant came through ${caller.channel}; it can grant ${caller.channel === "direct" ? "no" : caller.channel} cloud access`,
      {
        key: "cloud.otherChannel",
        args: { channel: caller.channel },
      },
    );
}
