// What a result means little without: the machine, how busy it was, and the versions measured.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/stack/paths.ts";
import type { BenchResults } from "./benchResults.ts";

const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100;

export function machineAtStart() {
  const start = loadAverage();
  return (): BenchResults["machine"] => ({
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverage: { start, end: loadAverage() },
  });
}

export function packageVersions() {
  const version = (name: string) => (JSON.parse(fs.readFileSync(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return {
    node: process.version,
    prisma: version("@prisma/client"),
    neo4jGraphql: version("@neo4j/graphql"),
    apolloServer: version("@apollo/server"),
    commit: gitCommit(),
  };
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}
