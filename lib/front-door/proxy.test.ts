import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyTo } from "./proxy";

let upstream: Server;
let front: Server;
let upstreamPort = 0;
const seen: IncomingHttpHeaders[] = [];

const listen = (s: Server) => new Promise<number>((r) => s.listen(0, "127.0.0.1", () => r((s.address() as AddressInfo).port)));

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.headers);
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 100);
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.writeHead(201, { "content-type": "text/plain", "x-upstream": "yes", connection: "keep-alive" });
      res.end(`${req.method} ${req.url} ${body}`);
    });
  });
  upstreamPort = await listen(upstream);
  front = createServer((req, res) => proxyTo(upstreamPort, req, res));
  await listen(front);
});
afterAll(() => {
  upstream.close();
  front.close();
});

function send(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

describe("proxyTo", () => {
  it("forwards method, path, body and end-to-end headers both ways, Host and X-Forwarded-* unchanged", async () => {
    const port = (front.address() as AddressInfo).port;
    const r = await send(port, "/signin?next=%2Fadmin", {
      method: "POST",
      headers: { host: "localhost:3000", "x-forwarded-proto": "https", cookie: "s=1", "content-type": "text/plain" },
      body: "hello",
    });
    expect(r).toMatchObject({ status: 201, body: "POST /signin?next=%2Fadmin hello" });
    expect(r.headers["x-upstream"]).toBe("yes");
    expect(r.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen.at(-1)).toMatchObject({ host: "localhost:3000", "x-forwarded-proto": "https", cookie: "s=1" });
    // the address the front door saw, appended for whoever reads the client's address
    expect(seen.at(-1)?.["x-forwarded-for"]).toBe("127.0.0.1");
    await send(port, "/", { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(seen.at(-1)?.["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
  });

  it("stays up when the browser goes away before the answer comes (an aborted prefetch)", async () => {
    const port = (front.address() as AddressInfo).port;
    const gone = request({ host: "127.0.0.1", port, path: "/slow" });
    gone.on("error", () => {});
    gone.end();
    await new Promise((r) => setTimeout(r, 20));
    gone.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await send(port, "/after")).status).toBe(201);
  });

  it("answers 502 with a plain reason when nothing listens behind it", async () => {
    const dead = createServer((req, res) => proxyTo(1, req, res));
    const port = await listen(dead);
    const r = await send(port, "/console");
    dead.close();
    expect(r.status).toBe(502);
    expect(r.body).toContain("not answering");
  });
});
