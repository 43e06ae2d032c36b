import type { IncomingMessage } from "node:http";

/** The body passed `limit` bytes (declared or sent): the caller answers 413 in its own protocol. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the body is over ${limit >= 1 << 20 ? `${limit / (1 << 20)} MiB` : `${limit / 1024} KiB`}`);
  }
}

/** The request body, refused with BodyTooLarge as soon as it passes `limit` (declared or sent). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return reject(new BodyTooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
