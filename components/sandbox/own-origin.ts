import { headers } from "next/headers";
import { runtime } from "@/lib/runtime";

/** This server, over loopback: the sandbox sends real HTTP calls, as the marketplace and the buyer's hosts would. */
export async function ownOrigin() {
  const host = (await headers()).get("host") ?? `localhost:${runtime().config.PORT}`;
  return `http://${host.replace(/^localhost(?=:|$)/, "127.0.0.1")}`;
}
