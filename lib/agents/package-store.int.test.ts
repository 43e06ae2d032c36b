import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configOf } from "../../test/agent-harness";
import { agentPackage, storedFiles, tarOf } from "./agent-package";
import { s3PackageStore } from "./package-store";

// An S3-compatible bucket, played by s3rver (which checks SigV4 signatures), through the real AWS SDK.
type S3rverServer = { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (opts: object) => S3rverServer;
let s3: S3rverServer;
let endpoint: string;
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: mkdtempSync(path.join(tmpdir(), "skyport-s3-")),
    configureBuckets: [{ name: "agent-packages", configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => s3.close());

const store = (accessKeyId = "S3RVER") =>
  s3PackageStore({ bucket: "agent-packages", endpoint, region: "us-east-1", accessKeyId, secretAccessKey: "S3RVER" });

describe("packages in an S3-compatible bucket", () => {
  it("are stored and read back, and a download is assembled from them with its own config.json", async () => {
    const prefix = await tarOf([{ name: "skyport-agent/skyport-agent", mode: 0o755, body: Buffer.from("binary") }]);
    await store().put(storedFiles.linuxPrefix, gzipSync(prefix.subarray(0, prefix.length - 1024)));
    const pkg = await agentPackage(store(), "linux-x64", { baseUrl: "https://skyport.example", enrolmentToken: "t.abc" });
    const chunks: Buffer[] = [];
    for await (const c of pkg as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    expect(JSON.parse((await configOf(Buffer.concat(chunks))) as string)).toEqual({
      baseUrl: "https://skyport.example",
      enrolmentToken: "t.abc",
    });
  });

  it("a package not built yet is undefined (the download says so), and an unknown access key is refused by the bucket", async () => {
    expect(await store().get("windows-x64/not-there")).toBeUndefined();
    await expect(store("NOT-A-KEY").put("x", Buffer.from("y"))).rejects.toThrow();
  });
});
