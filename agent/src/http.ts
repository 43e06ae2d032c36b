import { createHash, createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";

/** The JSON answer of a call: its status, its body, and the server's clock. */
export type Answer = { status: number; body: Record<string, unknown>; date: number | undefined; retryAfter: number | undefined };

/** The proxy to use for a URL, from HTTPS_PROXY / HTTP_PROXY (either case), unless NO_PROXY names its host. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const host = target.hostname.toLowerCase();
  if (noProxy.some((h) => h === "*" || host === h.replace(/^\./, "") || host.endsWith(h.startsWith(".") ? h : `.${h}`))) return undefined;
  const raw = target.protocol === "https:" ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  return raw ? new URL(raw.includes("://") ? raw : `http://${raw}`) : undefined;
}

const proxyAuth = (proxy: URL) =>
  proxy.username
    ? {
        "proxy-authorization": `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`,
      }
    : {};

/**
 * One request, outbound only. Through a proxy: absolute-form for http
 * targets, a CONNECT tunnel for https ones (data centres sit behind proxies;
 * written here so it works on every Node the packages run on).
 */
export function request(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: Buffer; timeoutMs: number },
): Promise<Answer> {
  const proxy = proxyFor(url);
  return new Promise((resolve, reject) => {
    const onAnswer = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {}
        const date = res.headers.date ? Date.parse(res.headers.date) : undefined;
        const retryAfter = res.headers["retry-after"] ? Number(res.headers["retry-after"]) : undefined;
        resolve({ status: res.statusCode ?? 0, body, date, retryAfter });
      });
      res.on("error", reject);
    };
    const headers = { ...init.headers, ...(init.body && { "content-length": String(init.body.length) }) };
    const send = (req: http.ClientRequest) => {
      req.setTimeout(init.timeoutMs, () => req.destroy(new Error(`no answer within ${init.timeoutMs} ms`)));
      req.on("error", reject);
      req.end(init.body);
    };
    if (!proxy) {
      const mod = url.protocol === "https:" ? https : http;
      return send(mod.request(url, { method: init.method, headers }, onAnswer));
    }
    if (url.protocol === "http:") {
      const viaProxy = { host: proxy.hostname, port: proxy.port || 80, path: url.href, method: init.method };
      return send(http.request({ ...viaProxy, headers: { ...headers, host: url.host, ...proxyAuth(proxy) } }, onAnswer));
    }
    const target = `${url.hostname}:${url.port || 443}`;
    const connect = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: "CONNECT",
      path: target,
      headers: { host: target, ...proxyAuth(proxy) },
    });
    connect.setTimeout(init.timeoutMs, () => connect.destroy(new Error("the proxy did not answer")));
    connect.on("connect", (res, socket) => {
      if (res.statusCode !== 200) return reject(new Error(`the proxy refused the tunnel: ${res.statusCode}`));
      const secure = tls.connect({ socket, servername: url.hostname });
      send(https.request(url, { method: init.method, headers, createConnection: () => secure }, onAnswer));
    });
    connect.on("error", reject);
    connect.end();
  });
}

/** The four headers of a signed call (agent-channel.md §4). */
export function signedHeaders(
  agentId: string,
  secret: string,
  method: string,
  pathWithQuery: string,
  body: Buffer,
): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(18).toString("base64url");
  const text = `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${createHash("sha256").update(body).digest("hex")}`;
  return {
    "x-agent-id": agentId,
    "x-agent-timestamp": timestamp,
    "x-agent-nonce": nonce,
    "x-agent-signature": createHmac("sha256", secret).update(text).digest("base64url"),
  };
}
