// The Prisma CLI runs its WASM schema engine through the pg driver adapter (engine "js"), so
// generate and migrate work offline: Prisma 7's native engine download is unreachable here.
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./src/postgres/migrationAdapter.ts";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return migrationAdapter(process.env.DATABASE_URL ?? "");
  },
});
