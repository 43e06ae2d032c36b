import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

/**
 * Where the prebuilt agent packages live: files under a folder (the default,
 * `.data/agent-packages`), or any S3-compatible bucket (Alibaba OSS, MinIO,
 * S3). Per download, a package is assembled from these and streamed; nothing
 * is written per download.
 */
export type PackageStore = {
  put(name: string, body: Buffer): Promise<void>;
  /** the stored object as a stream, or undefined when it is not there */
  get(name: string): Promise<Readable | undefined>;
};

export function localPackageStore(dir: string): PackageStore {
  const file = (name: string) => path.join(dir, name);
  return {
    async put(name, body) {
      mkdirSync(path.dirname(file(name)), { recursive: true });
      writeFileSync(file(name), body);
    },
    async get(name) {
      return existsSync(file(name)) && statSync(file(name)).isFile() ? createReadStream(file(name)) : undefined;
    },
  };
}

export type S3PackageStoreConfig = {
  bucket: string;
  endpoint?: string | undefined;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
};

export function s3PackageStore(cfg: S3PackageStoreConfig): PackageStore {
  const s3 = new S3Client({
    region: cfg.region,
    ...(cfg.endpoint && { endpoint: cfg.endpoint, forcePathStyle: true }),
    ...(cfg.accessKeyId && cfg.secretAccessKey && { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } }),
  });
  return {
    async put(name, body) {
      await s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: name, Body: body }));
    },
    async get(name) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: name }));
        return out.Body instanceof Readable ? out.Body : undefined;
      } catch (err) {
        if ((err as { name?: string }).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
  };
}
