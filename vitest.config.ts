import { defineConfig } from "vitest/config";

export default defineConfig({
  // the app's own alias, so route handlers and components can be tested as Next.js builds them
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "prisma/**/*.test.ts",
      "test/**/*.test.ts",
      "agent/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/no-network-in-transaction.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves
    server: { deps: { inline: ["next-auth"] } },
  },
});
