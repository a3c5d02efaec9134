import { pino, type Logger } from "pino";
import type { LogLevel } from "../config/config.ts";

/** Structured JSON logs; secrets are redacted by path wherever they appear. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "mobius-gateway" },
      redact: {
        paths: ["password", "*.password", "authorization", "*.authorization", "headers.authorization", "token", "*.token", "databaseUrl", "*.databaseUrl"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
