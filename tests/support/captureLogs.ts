import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../../src/observability/createLogger.ts";

/** A real pino logger whose JSON lines are kept in memory for assertions. */
export function captureLogs(): { logger: Logger; lines: () => Array<Record<string, any>>; raw: () => string } {
  let raw = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  return {
    logger: createLogger("info", sink),
    raw: () => raw,
    lines: () => raw.split("\n").filter(Boolean).map((line) => JSON.parse(line)),
  };
}
