// A real Neo4j Community 5 for development and tests, when NEO4J_URI is unset: the embedded
// launcher in neo4j/ (resolved from Maven Central, APOC core loaded, Bolt on loopback) runs as a
// detached Java process, so `scripts/neo4j.ts start` can outlive the command that started it.
// Starting is idempotent: a Bolt port that already answers is reused as it is.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { dataDir, projectRoot } from "./paths.ts";
import { portAnswers } from "./portAnswers.ts";
import { runCommand } from "./runCommand.ts";

const launcherDir = path.join(projectRoot, "neo4j");
const classesDir = path.join(launcherDir, "target", "classes");
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface LocalNeo4jOptions {
  readonly port: number;
  /** Holds the store, the log and the pid file. */
  readonly home: string;
  /** JVM heap and page cache; small by default (tests and a gateway share the machine). */
  readonly memory?: { readonly heapMb: number; readonly pageCacheMb: number };
}

const DEFAULT_MEMORY = { heapMb: 1024, pageCacheMb: 512 };

export const defaultLocalNeo4j: LocalNeo4jOptions = { port: 7687, home: path.join(dataDir, "neo4j") };

export interface LocalNeo4j {
  readonly uri: string;
  /** False when a server already answered on the port and was reused. */
  readonly startedHere: boolean;
}

export class LocalNeo4jUnavailable extends Error {
  override name = "LocalNeo4jUnavailable";
}

const pidFile = (o: LocalNeo4jOptions) => path.join(o.home, "neo4j.pid");
const logFile = (o: LocalNeo4jOptions) => path.join(o.home, "neo4j.log");
const boltUri = (o: LocalNeo4jOptions) => `bolt://127.0.0.1:${o.port}`;

export async function startLocalNeo4j(options: LocalNeo4jOptions = defaultLocalNeo4j): Promise<LocalNeo4j> {
  if (await portAnswers(options.port)) return { uri: boltUri(options), startedHere: false };
  await requireJava();
  await buildLauncher();
  fs.mkdirSync(options.home, { recursive: true });
  const log = fs.openSync(logFile(options), "w");
  const memory = options.memory ?? DEFAULT_MEMORY;
  const child = spawn(
    "java",
    [
      "-Xms256m",
      `-Xmx${memory.heapMb}m`,
      "-cp",
      [classesDir, "target/lib/*", "target/plugins/*"].map((p) => path.resolve(launcherDir, p)).join(path.delimiter),
      "mobius.LocalNeo4j",
      path.join(options.home, "store"),
      path.join(launcherDir, "target", "plugins"),
      String(options.port),
      String(memory.pageCacheMb),
    ],
    { cwd: launcherDir, detached: true, stdio: ["ignore", log, log] },
  );
  fs.closeSync(log);
  child.unref();
  fs.writeFileSync(pidFile(options), String(child.pid));
  await waitUntilReady(options, child.pid!);
  return { uri: boltUri(options), startedHere: true };
}

export async function stopLocalNeo4j(options: LocalNeo4jOptions = defaultLocalNeo4j): Promise<boolean> {
  const pid = readPid(options);
  if (pid === undefined) return false;
  if (isAlive(pid)) {
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  fs.rmSync(pidFile(options), { force: true });
  return true;
}

export async function localNeo4jStatus(options: LocalNeo4jOptions = defaultLocalNeo4j) {
  const pid = readPid(options);
  return {
    uri: boltUri(options),
    answering: await portAnswers(options.port),
    pid: pid !== undefined && isAlive(pid) ? pid : undefined,
  };
}

async function requireJava(): Promise<void> {
  const java = await runCommand("java", ["-version"]).catch(() => null);
  if (!java || java.status !== 0) {
    throw new LocalNeo4jUnavailable("Java 17+ is not installed, so the local Neo4j cannot run");
  }
  const major = Number(/version "(\d+)/.exec(java.output)?.[1]);
  if (major < 17) throw new LocalNeo4jUnavailable(`Java ${major} found; the local Neo4j needs Java 17+`);
}

let launcherBuild: Promise<void> | undefined;

/** Resolves Neo4j and APOC from Maven Central once; later starts reuse target/. One build at a time per process. */
function buildLauncher(): Promise<void> {
  launcherBuild ??= buildLauncherIfStale().finally(() => (launcherBuild = undefined));
  return launcherBuild;
}

async function buildLauncherIfStale(): Promise<void> {
  const pom = path.join(launcherDir, "pom.xml");
  const sources = [pom, path.join(launcherDir, "src", "main", "java", "mobius", "LocalNeo4j.java")];
  const newestSource = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  const built = fs.existsSync(classesDir) && fs.statSync(classesDir).mtimeMs >= newestSource;
  if (built) return;
  const mvn = await runCommand("mvn", ["-q", "-B", "-f", pom, "package", "-DskipTests"]).catch(() => null);
  if (!mvn) throw new LocalNeo4jUnavailable("Maven (mvn) is not installed, so the local Neo4j cannot be built");
  if (mvn.status !== 0) {
    throw new LocalNeo4jUnavailable(`building the local Neo4j failed:\n${mvn.output.slice(-2000)}`);
  }
  fs.utimesSync(classesDir, new Date(), new Date());
}

async function waitUntilReady(options: LocalNeo4jOptions, pid: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jUnavailable(`the local Neo4j exited during start-up:\n${tail(logFile(options))}`);
    }
    if (fs.readFileSync(logFile(options), "utf8").includes("READY") && (await portAnswers(options.port))) return;
    await sleep(200);
  }
  process.kill(pid, "SIGKILL");
  throw new LocalNeo4jUnavailable(`the local Neo4j did not answer on Bolt within ${READY_TIMEOUT_MS / 1000}s`);
}

function readPid(options: LocalNeo4jOptions): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(options), "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tail(file: string): string {
  return fs.readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
}
