import { Agent, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { pipeline } from "node:stream";

// hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not the request
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);
const agent = new Agent({ keepAlive: true });

/**
 * Forwards a request to the server on 127.0.0.1:port and streams its answer
 * back, headers unchanged but for the hop-by-hop ones (Host and any
 * X-Forwarded-* from an outer proxy reach it as sent, the client's address
 * appended to X-Forwarded-For). 502 if it cannot answer.
 */
export function proxyTo(port: number, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: forwarded(req), agent }, (answer) => {
    // the browser left first (an aborted prefetch): piping into its closed response throws
    if (res.destroyed) return void answer.destroy();
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
    pipeline(answer, res, () => {});
  });
  upstream.on("error", () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The pages server is not answering; retry shortly.\n");
  });
  pipeline(req, upstream, () => {});
}

/**
 * Forwards a connection upgrade (a WebSocket: `npm run dev`'s hot reload) to
 * the server on 127.0.0.1:port as it came, then joins the two sockets.
 */
export function proxyUpgrade(port: number, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(port, "127.0.0.1", () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  const close = () => {
    socket.destroy();
    upstream.destroy();
  };
  upstream.on("error", close);
  socket.on("error", close);
}

/** The end-to-end headers, and the address this proxy saw appended to X-Forwarded-For, as proxies do. */
function forwarded(req: IncomingMessage): IncomingHttpHeaders {
  const headers = endToEnd(req.headers);
  const seen = req.socket.remoteAddress ?? "unknown";
  headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${seen}` : seen;
  return headers;
}

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!hopByHop.has(name)) out[name] = value;
  return out;
}
