import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/setup/globalSetup.ts"],
    // Integration tests share one Postgres and one Neo4j; each test isolates itself by its own ids.
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: "forks",
    reporters: ["default"],
  },
});
