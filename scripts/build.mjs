// `npm run build`: the gateway as plain JavaScript under build/, which `node build/src/main.js` runs
// with production dependencies only: tsc emits src/ (imports rewritten to .js), and beside it go what
// the code reads at run time relative to the project root (the SDL, the migrations, the prebuilt
// web pages) and the manifest and lock file an `npm ci --omit=dev` installs from.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "build");
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } });

// Generated code and pages, when their sources changed (the same step `npm start` runs).
run("node scripts/install.mjs");
fs.rmSync(out, { recursive: true, force: true });
run("npx tsc -p tsconfig.build.json");
for (const [from, to] of [
  ["schema", "schema"],
  ["prisma/migrations", "prisma/migrations"],
  ["prisma/schema.prisma", "prisma/schema.prisma"],
  ["dist/web", "dist/web"],
  // The trusted-documents manifest: production accepts only the operations it lists.
  ["web/generated/persisted-documents.json", "web/generated/persisted-documents.json"],
  ["package.json", "package.json"],
  ["package-lock.json", "package-lock.json"],
]) {
  fs.cpSync(path.join(root, from), path.join(out, to), { recursive: true });
}
console.log(`built ${path.relative(process.cwd(), out) || "."}/: run \`node build/src/main.js\` (after \`npm ci --omit=dev\` in a copy of it)`);
