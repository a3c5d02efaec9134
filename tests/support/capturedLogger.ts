import type { Logger } from "pino";
import { createLogger } from "../../src/observability/createLogger.ts";

/** A real pino logger whose JSON lines a test can read back. */
export function capturedLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void raw.push(line) });
  return { logger, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
