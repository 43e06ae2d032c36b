import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e } from "../playwright.config";

// `npm start` as a terminal runs it: its own process group, Ctrl-C to the group.
const port = e2e.port + 1;
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: ".data/e2e-front-door",
  EMBEDDED_PG_PORT: String(e2e.pgPort + 1),
  LOG_LEVEL: "warn",
};

function start(...flags: string[]): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn("node", ["--import", "tsx", "server.ts", ...flags], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  return new Promise((resolve, reject) => {
    const ready = setInterval(() => {
      if (output.includes("Skyport is serving")) {
        clearInterval(ready);
        resolve({ child, output: () => output });
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(ready);
      reject(new Error(`npm start exited (${code}) before serving:\n${output}`));
    });
  });
}

/** Ctrl-C: SIGINT to the whole group; resolves with the exit code and what of the group is still alive. */
async function ctrlC(child: ChildProcess): Promise<{ code: number | null; left: string }> {
  const pgid = child.pid as number;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  process.kill(-pgid, "SIGINT");
  const code = await exited;
  await new Promise((r) => setTimeout(r, 1000));
  let left = "";
  try {
    left = execFileSync("ps", ["-o", "pid=,args=", "-g", String(pgid)], { encoding: "utf8" }).trim();
  } catch {} // ps exits 1 when the group is empty
  return { code, left };
}

test("npm start: one front door for the gateway and the pages; Ctrl-C stops every process; a second start reuses the data", async ({
  request,
}) => {
  test.setTimeout(240_000);
  rmSync(env.DATA_DIR, { recursive: true, force: true });

  const first = await start();
  expect(first.output()).toContain("Demo staff accounts");
  expect((await request.get(`http://localhost:${port}/signin`)).status()).toBe(200); // Next.js, through the front door
  const api = await request.get(`http://localhost:${port}/api/DescribeTenant`); // the gateway, in the front door
  expect([api.status(), (await api.json()).code]).toEqual([401, "InvalidSignature"]);
  // a malformed Action is the gateway's too: the JSON envelope, never a page
  const garbled = await request.get(`http://localhost:${port}/api/%ZZescribeTenant?userinfo=e30`);
  expect([garbled.status(), garbled.headers()["content-type"], (await garbled.json()).code]).toEqual([
    400,
    "application/json; charset=utf-8",
    "InvalidParameter",
  ]);
  expect(await ctrlC(first.child)).toEqual({ code: 0, left: "" });

  const second = await start();
  expect(second.output()).toContain("Demo data present");
  expect((await request.get(`http://localhost:${port}/signin`)).status()).toBe(200);
  expect(await ctrlC(second.child)).toEqual({ code: 0, left: "" });
});

test("npm run dev: Next.js in development mode behind the same front door; a page edit is served without a restart, and hot reload's socket gets through", async ({
  request,
}) => {
  test.setTimeout(240_000);
  const page = path.join("app", "dev-loop-check", "page.tsx");
  const write = (word: string) => {
    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, `export default function DevLoopCheck() {\n  return <p>dev loop ${word}</p>;\n}\n`);
  };
  write("first");
  const dev = await start("--dev");
  try {
    const url = `http://localhost:${port}/dev-loop-check`;
    expect(await (await request.get(url)).text()).toContain("dev loop first");
    write("second");
    await expect.poll(async () => (await request.get(url)).text(), { timeout: 60_000 }).toContain("dev loop second");
    // the browser's hot-reload socket is proxied by the front door
    const hmr = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://localhost:${port}/_next/hmr`);
      ws.onmessage = (m) => {
        resolve(String(m.data));
        ws.close();
      };
      ws.onerror = () => resolve("error");
    });
    expect(hmr).toMatch(/^\{"type"/);
    expect((await request.get(`http://localhost:${port}/api/DescribeTenant`)).status()).toBe(401);
  } finally {
    rmSync(path.dirname(page), { recursive: true, force: true });
    expect(await ctrlC(dev.child)).toEqual({ code: 0, left: "" });
  }
});
