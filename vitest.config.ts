import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds. Node, and so the running gateway and
    // every library (@neo4j/graphql, @graphql-tools, Apollo), loads the CommonJS one; Vite would hand
    // our own files the ESM one, and a schema built by a library would then be "from another realm".
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
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
