// The one place that reads process.env. Parsed once at start into a frozen, typed object; a bad
// value stops start-up with one line per variable naming it and what was expected.
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: "expected true or false",
  })
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "expected a postgresql:// connection URL" })
      .optional(),
  ),
  NEO4J_URI: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, {
        error: "expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI",
      })
      .optional(),
  ),
  NEO4J_USER: z.string().min(1, { error: "expected a non-empty user name" }).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, { error: "expected a Neo4j database name" })
    .default("neo4j"),
  GRAPH_SYNC_ENABLED: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a port number" })
      .int({ error: "expected a whole port number" })
      .min(0, { error: "expected a port from 0 to 65535" })
      .max(65535, { error: "expected a port from 0 to 65535" })
      .default(4000),
  ),
  GRAPH_NODE_LIMIT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a whole number of nodes" }).int({ error: "expected a whole number of nodes" }).positive({ error: "expected a positive number of nodes" }).default(200_000),
  ),
  GRAPH_RELATIONSHIP_LIMIT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a whole number of relationships" })
      .int({ error: "expected a whole number of relationships" })
      .positive({ error: "expected a positive number of relationships" })
      .default(400_000),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Neo4jSettings {
  readonly uri: string | undefined;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface Config {
  /** Unset: the local Postgres on 127.0.0.1:5432 if it answers, else an embedded PGlite. */
  readonly databaseUrl: string | undefined;
  /** `uri` unset: a local Neo4j Community started by scripts/neo4j.ts. */
  readonly neo4j: Neo4jSettings;
  readonly graphSyncEnabled: boolean;
  /** The graph tier's caps (default: Aura Free's, from the seed plan's cost table). */
  readonly graphCapacity: { readonly nodeLimit: number; readonly relationshipLimit: number };
  readonly port: number;
  readonly logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Values are never echoed: a malformed DATABASE_URL may carry a password. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    }),
    graphSyncEnabled: e.GRAPH_SYNC_ENABLED,
    graphCapacity: Object.freeze({ nodeLimit: e.GRAPH_NODE_LIMIT, relationshipLimit: e.GRAPH_RELATIONSHIP_LIMIT }),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
  });
}
