// Runs before `npm start` and `npm test` (npm's pre-scripts): installs what a fresh clone lacks,
// and regenerates the Prisma client and GraphQL resolver types when their sources changed.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const at = (...p) => path.join(root, ...p);
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
const newest = (dir, ext) =>
  Math.max(0, ...fs.readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => mtime(path.join(dir, f))));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } });

const installed = at("node_modules", ".package-lock.json");
if (mtime(installed) < mtime(at("package-lock.json"))) {
  console.log("installing node modules…");
  run("npm ci --no-audit --no-fund");
}

const prismaClient = at("src", "generated", "prisma", "client.ts");
if (mtime(prismaClient) < mtime(at("prisma", "schema.prisma"))) {
  // generate only reads the schema; the URL just has to be well-formed.
  execSync("npx prisma generate", {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost/unused" },
  });
}

// Resolver types from schema/; the pages' typed documents and the trusted-documents manifest
// from the contract file and the documents in web/ and the CLI.
const resolverTypes = at("src", "generated", "graphql.ts");
const trustedDocuments = at("web", "generated", "persisted-documents.json");
const newestDocument = Math.max(
  ...["web/playground", "web/explorer", "web/shared"].map((d) => newest(at(d), "")),
  mtime(at("src", "cli", "operations.ts")),
  mtime(at("contract", "schema.graphql")),
);
const codegenInput = Math.max(newest(at("schema"), ".graphql"), mtime(at("codegen.ts")));
if (mtime(resolverTypes) < codegenInput || mtime(trustedDocuments) < Math.max(codegenInput, newestDocument)) {
  run("npx graphql-codegen --config codegen.ts");
}

const builtPages = at("dist", "web", "playground.html");
const newestWebSource = Math.max(
  ...["web", "web/playground", "web/explorer", "web/shared"].map((d) => newest(at(d), "")),
);
if (mtime(builtPages) < newestWebSource) {
  console.log("building the playground and explorer…");
  run("npx vite build --config web/vite.config.ts");
}

// The browser tests drive Debian's Chromium (never a downloaded browser build).
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (process.env.npm_lifecycle_event === "pretest" && !fs.existsSync(chromium)) {
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("installing Debian's chromium for the browser tests…");
    run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  } else {
    console.error(`The browser tests need Chromium at ${chromium}: install Debian's chromium package or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
