// Structured JSON logs (pino). Secrets never reach the output: known secret fields are redacted by
// path, and credentials inside any URL-looking string (a connection string in an error message,
// say) are masked, because drivers like to quote the URL they failed to reach.
import { pino, type Logger } from "pino";
import type { LogLevel } from "../config/config.ts";

const SECRET_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "databaseUrl",
  "*.databaseUrl",
  "connectionString",
  "*.connectionString",
];

const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(?::[^\s/@]*)?@/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g;

export const maskSecrets = (text: string) => text.replace(URL_CREDENTIALS, "$1***@").replace(BEARER, "$1[redacted]");

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "mobius-gateway" },
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? maskSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: {
        log(object) {
          const masked: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(object)) {
            masked[key] = typeof value === "string" ? maskSecrets(value) : value;
          }
          return masked;
        },
      },
      serializers: {
        err: (err: Error) => {
          const serialized = pino.stdSerializers.err(err);
          return { ...serialized, message: maskSecrets(serialized.message), stack: maskSecrets(serialized.stack ?? "") };
        },
      },
    },
    destination,
  );
}
