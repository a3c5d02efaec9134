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

const positiveInt = (what: string, fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `expected ${what} as a whole number` })
      .int({ error: `expected ${what} as a whole number` })
      .positive({ error: `expected ${what} above 0` })
      .default(fallback),
  );

const milliseconds = (fallback: number, min = 1) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a duration in milliseconds" })
      .int({ error: "expected a whole number of milliseconds" })
      .min(min, { error: `expected at least ${min} millisecond${min === 1 ? "" : "s"}` })
      .max(3_600_000, { error: "expected at most 3600000 milliseconds (one hour)" })
      .default(fallback),
  );

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
  GRAPH_SYNC_WAIT: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  GRAPH_SYNC_WAIT_TIMEOUT_MS: milliseconds(2_000),
  GRAPH_SYNC_POLL_INTERVAL_MS: milliseconds(500),
  GRAPH_SYNC_RETRY_BASE_MS: milliseconds(250),
  // 80, not 40: under load it halves the passes for a little more lag (docs/sync.md).
  GRAPH_SYNC_COALESCE_MS: milliseconds(80, 0),
  GRAPH_SYNC_RETRY_MAX_MS: milliseconds(60_000),
  GRAPH_SYNC_BATCH_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of events" })
      .int({ error: "expected a whole number of events" })
      .min(1, { error: "expected from 1 to 5000 events" })
      .max(5000, { error: "expected from 1 to 5000 events" })
      .default(200),
  ),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a port number" })
      .int({ error: "expected a whole port number" })
      .min(0, { error: "expected a port from 0 to 65535" })
      .max(65535, { error: "expected a port from 0 to 65535" })
      .default(4000),
  ),
  // An hour: keep it within the outbox's retention of applied events, which are the resume log.
  SUBSCRIPTION_RESUME_WINDOW_SECONDS: positiveInt("a number of seconds", 3_600),
  GRAPH_NODE_LIMIT: positiveInt("a number of nodes", 200_000),
  GRAPH_RELATIONSHIP_LIMIT: positiveInt("a number of relationships", 400_000),
  NODE_ENV: z.preprocess(emptyAsUndefined, z.string().default("development")),
  AUTH_JWT_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { error: "expected an HS256 secret of at least 32 characters" }).optional(),
  ),
  AUTH_PUBLIC_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().includes("BEGIN PUBLIC KEY", { error: "expected a PEM public key (-----BEGIN PUBLIC KEY-----)" }).optional(),
  ),
  AUTH_JWKS_URL: z.preprocess(emptyAsUndefined, z.url({ error: "expected the https URL of a JWKS" }).optional()),
  AUTH_ISSUER: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().optional()),
  GRAPHQL_INTROSPECTION: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
  QUERY_MAX_DEPTH: positiveInt("a query depth", 10),
  QUERY_MAX_ALIASES: positiveInt("a number of aliases", 15),
  // Armor's static estimate grows 1.5× per level: "100 brands with colors and assets" costs
  // ~130k, so the default admits about two such queries in one operation, and no alias bomb.
  QUERY_MAX_COST: positiveInt("a query cost", 250_000),
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

/** How bearer tokens are verified; which key source is set decides the algorithm family. */
export type AuthKey =
  | { readonly kind: "secret"; readonly secret: string }
  | { readonly kind: "publicKey"; readonly pem: string }
  | { readonly kind: "jwks"; readonly url: string };

export interface AuthSettings {
  /** Null outside production when no key is configured: start-up then makes a development secret. */
  readonly key: AuthKey | null;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
}

/** How the after-commit projection and the drainer behave (docs/sync.md). */
export interface GraphSyncSettings {
  /** Default for every mutation: wait until the graph applied its change (read-your-writes). */
  readonly waitForGraph: boolean;
  /** How long a waiting mutation waits before it returns anyway, with a warning logged. */
  readonly waitTimeoutMs: number;
  /** How often an idle drainer looks for due events written by other processes. */
  readonly pollIntervalMs: number;
  /** First retry delay; doubled per attempt, capped at retryMaxMs, with jitter. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Events claimed per drainer pass. */
  readonly batchSize: number;
  /** Least time between the starts of two passes, so a burst of mutations shares one projection. */
  readonly coalesceMs: number;
}

export interface Config {
  /** Unset: the local Postgres on 127.0.0.1:5432 if it answers, else an embedded PGlite. */
  readonly databaseUrl: string | undefined;
  /** `uri` unset: a local Neo4j Community started by scripts/neo4j.ts. */
  readonly neo4j: Neo4jSettings;
  readonly graphSyncEnabled: boolean;
  /** The graph tier's caps (default: Aura Free's, from the seed plan's cost table). */
  readonly graphCapacity: { readonly nodeLimit: number; readonly relationshipLimit: number };
  readonly graphSync: GraphSyncSettings;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly production: boolean;
  readonly auth: AuthSettings;
  /** Schema introspection (and so the playground's docs); off in production unless asked for. */
  readonly introspection: boolean;
  readonly queryLimits: { readonly maxDepth: number; readonly maxAliases: number; readonly maxCost: number };
  /** How far back a subscription may resume (`after`): applied events younger than this. */
  readonly subscriptionResumeWindowSeconds: number;
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
  const production = e.NODE_ENV === "production";
  const keys: AuthKey[] = [
    ...(e.AUTH_JWT_SECRET ? [{ kind: "secret", secret: e.AUTH_JWT_SECRET } as const] : []),
    ...(e.AUTH_PUBLIC_KEY ? [{ kind: "publicKey", pem: e.AUTH_PUBLIC_KEY } as const] : []),
    ...(e.AUTH_JWKS_URL ? [{ kind: "jwks", url: e.AUTH_JWKS_URL } as const] : []),
  ];
  if (keys.length > 1) {
    throw new ConfigError(["AUTH_JWT_SECRET: set only one of AUTH_JWT_SECRET, AUTH_PUBLIC_KEY and AUTH_JWKS_URL"]);
  }
  if (production && keys.length === 0) {
    throw new ConfigError([
      "AUTH_JWT_SECRET: production (NODE_ENV=production) refuses to start without AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL",
    ]);
  }
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
    graphSync: Object.freeze({
      waitForGraph: e.GRAPH_SYNC_WAIT,
      waitTimeoutMs: e.GRAPH_SYNC_WAIT_TIMEOUT_MS,
      pollIntervalMs: e.GRAPH_SYNC_POLL_INTERVAL_MS,
      retryBaseMs: e.GRAPH_SYNC_RETRY_BASE_MS,
      retryMaxMs: e.GRAPH_SYNC_RETRY_MAX_MS,
      batchSize: e.GRAPH_SYNC_BATCH_SIZE,
      coalesceMs: e.GRAPH_SYNC_COALESCE_MS,
    }),
    port: e.PORT,
    subscriptionResumeWindowSeconds: e.SUBSCRIPTION_RESUME_WINDOW_SECONDS,
    logLevel: e.LOG_LEVEL,
    production,
    auth: Object.freeze({ key: keys[0] ?? null, issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE }),
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    queryLimits: Object.freeze({ maxDepth: e.QUERY_MAX_DEPTH, maxAliases: e.QUERY_MAX_ALIASES, maxCost: e.QUERY_MAX_COST }),
  });
}
