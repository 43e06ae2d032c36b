import { localPackageStore, type PackageStore, s3PackageStore } from "./package-store";

/** The variables that name the package store (a Config has them; so does the environment of `npm run build:agent`). */
export type PackageStoreSettings = {
  AGENT_PACKAGES_DIR?: string | undefined;
  AGENT_PACKAGES_S3_BUCKET?: string | undefined;
  AGENT_PACKAGES_S3_ENDPOINT?: string | undefined;
  AGENT_PACKAGES_S3_REGION?: string | undefined;
  AGENT_PACKAGES_S3_ACCESS_KEY_ID?: string | undefined;
  AGENT_PACKAGES_S3_SECRET_ACCESS_KEY?: string | undefined;
};

/** AGENT_PACKAGES_S3_BUCKET (with its endpoint, region and keys), else AGENT_PACKAGES_DIR, else .data/agent-packages. */
export function packageStore(s: PackageStoreSettings): PackageStore {
  if (s.AGENT_PACKAGES_S3_BUCKET)
    return s3PackageStore({
      bucket: s.AGENT_PACKAGES_S3_BUCKET,
      endpoint: s.AGENT_PACKAGES_S3_ENDPOINT,
      region: s.AGENT_PACKAGES_S3_REGION ?? "us-east-1",
      accessKeyId: s.AGENT_PACKAGES_S3_ACCESS_KEY_ID,
      secretAccessKey: s.AGENT_PACKAGES_S3_SECRET_ACCESS_KEY,
    });
  return localPackageStore(s.AGENT_PACKAGES_DIR || ".data/agent-packages");
}
