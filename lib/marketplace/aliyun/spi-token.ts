import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The SPI token (shared/specs/aliyun-marketplace-spi.md §1): every parameter
 * but `token`, sorted by name in byte order, URL-decoded values, joined as
 * k=v&..., then `&key=<secret>`, lowercase hex MD5 of the UTF-8 string.
 */
export function spiToken(params: ReadonlyMap<string, string>, secret: string): string {
  const names = [...params.keys()].filter((k) => k !== "token").sort(byteOrder);
  const text = `${names.map((k) => `${k}=${params.get(k)}`).join("&")}&key=${secret}`;
  return createHash("md5").update(text, "utf8").digest("hex");
}

export function spiTokenMatches(params: ReadonlyMap<string, string>, secret: string): boolean {
  const given = Buffer.from(params.get("token") ?? "");
  const expected = Buffer.from(spiToken(params, secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
