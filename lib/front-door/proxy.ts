import { Agent, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";

// hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not the request
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);
const agent = new Agent({ keepAlive: true });

/**
 * Forwards a request to the server on 127.0.0.1:port and streams its answer
 * back, headers unchanged but for the hop-by-hop ones (Host and any
 * X-Forwarded-* from an outer proxy reach it as sent). 502 if it cannot answer.
 */
export function proxyTo(port: number, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { host: "127.0.0.1", port, method: req.method, path: req.url, headers: endToEnd(req.headers), agent },
    (answer) => {
      // the browser left first (an aborted prefetch): piping into its closed response throws
      if (res.destroyed) return void answer.destroy();
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      pipeline(answer, res, () => {});
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The pages server is not answering; retry shortly.\n");
  });
  pipeline(req, upstream, () => {});
}

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!hopByHop.has(name)) out[name] = value;
  return out;
}
