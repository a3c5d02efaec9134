// The gateway as an operator runs it (src/main.ts in a process of its own, on a database of its
// own), so a test can see it exit: what a request does to an in-process server would be hidden by
// the test runner. Raw bytes go over node:net, so malformed request lines reach the server as sent.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { mintToken } from "../../src/auth/mintToken.ts";
import type { Role } from "../../src/auth/access.ts";
import { startGatewayProcess } from "./gatewayProcess.ts";
import { createIsolatedDatabase } from "./isolatedDatabase.ts";
import { workerStack } from "./workerStack.ts";

const SECRET = "gateway-process-secret-of-32-characters!";

export interface GatewayProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout (its JSON log lines) and stderr. */
  output(): { stdout: string; stderr: string };
  exitCode(): number | null;
  token(role: Role, organizationId?: string): Promise<string>;
  /** Sends bytes as they are and resolves to the whole answer once the server closes or answers. */
  raw(bytes: string | Buffer, timeoutMs?: number): Promise<RawAnswer>;
  stop(): Promise<number | null>;
}

export interface RawAnswer {
  readonly status: number | null;
  readonly headers: string;
  readonly body: string;
}

export async function startIsolatedGatewayProcess(name: string, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const databaseUrl = await createIsolatedDatabase(name);
  const gateway = startGatewayProcess({
    DATABASE_URL: databaseUrl,
    NEO4J_URI: workerStack().neo4jUri,
    AUTH_JWT_SECRET: SECRET,
    // Its own database: no other test's outbox to drain, and the shared graph stays untouched.
    GRAPH_SYNC_ENABLED: "false",
    PORT: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  const { child } = gateway;
  const url = await gateway.url(120_000).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw error;
  });
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    child,
    output: gateway.output,
    exitCode: () => child.exitCode,
    token: (role, organizationId = "019abcde-0000-7000-8000-000000000001") => mintToken(SECRET, { organizationId, role }),
    raw: (bytes, timeoutMs) => sendRaw(port, bytes, timeoutMs),
    stop: gateway.stop,
  };
}

/** One connection, the bytes as given, the answer read until the server closes or a full response is in. */
export function sendRaw(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(received.toString("latin1")));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (isComplete(received.toString("latin1"))) finish();
    });
    socket.on("end", finish);
    socket.on("close", finish);
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" || error.code === "EPIPE" ? finish() : reject(error)));
  });
}

function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf("\r\n\r\n");
  const headers = split < 0 ? text : text.slice(0, split);
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(headers);
  return { status: status ? Number(status[1]) : null, headers, body: split < 0 ? "" : text.slice(split + 4) };
}

/** A response with content-length whose body is all in; chunked ones end with the zero chunk. */
function isComplete(text: string): boolean {
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) return false;
  const headers = text.slice(0, split).toLowerCase();
  const length = /content-length: (\d+)/.exec(headers);
  if (length) return Buffer.byteLength(text.slice(split + 4), "latin1") >= Number(length[1]);
  if (headers.includes("transfer-encoding: chunked")) return text.endsWith("0\r\n\r\n");
  return false;
}
