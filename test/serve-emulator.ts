import { createServer, type IncomingHttpHeaders } from "node:http";

/** a JSON body, or text sent as it is (the AWS Query protocols answer XML) */
type Handled = { status: number; body: object | string };
export type EmulatorRequest = { method: string; path: string; query: string; headers: IncomingHttpHeaders; body: string };

/**
 * Serves an emulator's handler on a loopback port for tests, as the sandbox
 * routes do; `delayMs` makes it a slow cloud (milliseconds before answering a request).
 */
export async function serveEmulator(
  handle: (req: EmulatorRequest) => Handled | Promise<Handled>,
  contentType = "application/json",
  delayMs: (req: EmulatorRequest) => number = () => 0,
) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push(req.url ?? "");
      const [path = "/", query = ""] = (req.url ?? "/").split("?");
      const request = { method: req.method ?? "GET", path, query, headers: req.headers, body };
      setTimeout(async () => {
        const out = await handle(request);
        res.writeHead(out.status, { "content-type": contentType });
        res.end(typeof out.body === "string" ? out.body : JSON.stringify(out.body));
      }, delayMs(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** the request URLs received, oldest first */
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
