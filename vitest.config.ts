import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "test/**/*.test.ts", "agent/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/no-network-in-transaction.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
