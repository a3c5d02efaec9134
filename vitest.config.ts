import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./tests/support/testStack.ts";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships index.js and index.mjs. Node (and so Apollo and every CommonJS dependency)
    // loads index.js; Vite would hand our code index.mjs, and two graphql realms cannot share a
    // schema. Point Vite at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/setup/globalSetup.ts"],
    // Each worker has a Postgres database and a Neo4j of its own (tests/setup/globalSetup.ts); within
    // one, integration tests isolate themselves by their own ids.
    maxWorkers: TEST_WORKERS,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: "forks",
    reporters: ["default"],
  },
});
