// The one place that reads process.env. Parsed once at start into a frozen, typed object; a bad
// value stops start-up with one line per variable naming it and what was expected.
import { z } from "zod";
import { defaultColorExtractionSettings, type ColorExtractionSettings } from "../pixels/colorExtractionSettings.ts";
import { tracingSettings, type TracingSettings } from "./tracingSettings.ts";
import { DEFAULT_COMMON_COLOR_OWNERS } from "../projector/paletteShapes.ts";

export type { TracingSettings };

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** only: known operations alone (production's default); allow-unknown: known ones by hash, any by text; ignore: no manifest. */
export const TRUSTED_DOCUMENTS_MODES = ["only", "allow-unknown", "ignore"] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

/** Development's default: any page served from this machine, on any port. */
const LOCALHOST_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"];
/** An origin as a browser sends it (no path, no trailing slash); `:*` stands for any port. */
const ORIGIN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:(\d{1,5}|\*))?$/i;

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

/** A CPU priority for background work, below the request handlers' 0 (src/stack/cpuPriority.ts). */
const NICE_ERROR = "expected a nice value from 0 (as the gateway) to 19 (only idle CPU)";
const niceValue = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number({ error: NICE_ERROR }).int({ error: NICE_ERROR }).min(0, { error: NICE_ERROR }).max(19, { error: NICE_ERROR }).default(fallback));

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
  POSTGRES_STATEMENT_TIMEOUT_MS: milliseconds(15_000),
  GRAPH_READ_TIMEOUT_MS: milliseconds(10_000),
  GRAPH_SYNC_POLL_INTERVAL_MS: milliseconds(500),
  GRAPH_SYNC_RETRY_BASE_MS: milliseconds(250),
  // 80, not 40: under load it halves the passes for a little more lag (docs/sync.md).
  GRAPH_SYNC_COALESCE_MS: milliseconds(80, 0),
  GRAPH_SYNC_RETRY_MAX_MS: milliseconds(60_000),
  // 0: behind the requests, live updates waited twice as long under a write load (docs/sync.md).
  GRAPH_SYNC_NICE: niceValue(0),
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
  // k of the k-anonymity rule (docs/patterns.md): 2 is the least that hides one organization at all.
  PATTERN_MIN_ORGANIZATIONS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of organizations" })
      .int({ error: "expected a whole number of organizations" })
      .min(2, { error: "expected at least 2 organizations (1 would show one organization's own data)" })
      .max(1000, { error: "expected at most 1000 organizations" })
      .default(3),
  ),
  // Where similarBrands stops walking a color's owners and ranks palette shapes (docs/performance-at-scale.md).
  COMMON_COLOR_OWNERS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of brands" })
      .int({ error: "expected a whole number of brands" })
      .min(2, { error: "expected at least 2 brands" })
      .default(DEFAULT_COMMON_COLOR_OWNERS),
  ),
  PATTERN_REFRESH_INTERVAL_MS: milliseconds(60_000, 1_000),
  PATTERN_LIMIT_PER_INDUSTRY: positiveInt("a number of patterns", 200),
  // 127.0.0.1 unless told: a development gateway is not reachable from the network by accident.
  // A container sets 0.0.0.0 (Dockerfile).
  HOST: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:]+|[A-Za-z0-9.-]+)$/, { error: "expected an IP address or host name to bind to" })
      .default("127.0.0.1"),
  ),
  SHUTDOWN_GRACE_MS: milliseconds(25_000),
  // Applied deletes must outlive pendingDeletes' window (10 s) by far: a minute at the least.
  OUTBOX_RETENTION_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of seconds" })
      .int({ error: "expected a whole number of seconds" })
      .min(60, { error: "expected at least 60 seconds" })
      .default(7 * 24 * 3600),
  ),
  OUTBOX_PRUNE_BATCH_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of rows" })
      .int({ error: "expected a whole number of rows" })
      .min(1, { error: "expected from 1 to 10000 rows" })
      .max(10_000, { error: "expected from 1 to 10000 rows" })
      .default(500),
  ),
  OUTBOX_PRUNE_INTERVAL_MS: milliseconds(60_000),
  // An hour: keep it within the outbox's retention of applied events, which are the resume log.
  SUBSCRIPTION_RESUME_WINDOW_SECONDS: positiveInt("a number of seconds", 3_600),
  SUBSCRIPTION_HEARTBEAT_MS: milliseconds(12_000, 100),
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
  CORS_ORIGINS: z.preprocess(emptyAsUndefined, z.string().optional()),
  TRUSTED_DOCUMENTS: z.preprocess(
    emptyAsUndefined,
    z.enum(TRUSTED_DOCUMENTS_MODES, { error: `expected one of ${TRUSTED_DOCUMENTS_MODES.join(", ")}` }).optional(),
  ),
  // 25 MiB: a 48 MP phone JPEG is 10–20 MB; the pixel limit (docs/color-extraction.md) guards decoding.
  IMAGE_UPLOAD_MAX_BYTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of bytes" })
      .int({ error: "expected a whole number of bytes" })
      .min(1024, { error: "expected from 1024 to 268435456 bytes" })
      .max(268_435_456, { error: "expected from 1024 to 268435456 bytes" })
      .default(26_214_400),
  ),
  IMAGE_UPLOAD_URL_TTL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of seconds" })
      .int({ error: "expected a whole number of seconds" })
      .min(10, { error: "expected from 10 to 3600 seconds" })
      .max(3600, { error: "expected from 10 to 3600 seconds" })
      .default(300),
  ),
  IMAGE_UPLOAD_SIGNING_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { error: "expected a secret of at least 32 characters" }).optional(),
  ),
  COLOR_SNAP_MAX_DELTA_E00: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a CIEDE2000 difference such as 5" })
      .min(0, { error: "expected a CIEDE2000 difference from 0 to 50" })
      .max(50, { error: "expected a CIEDE2000 difference from 0 to 50" })
      .default(5),
  ),
  // The processes that decode and cluster uploaded images; nice 10 puts them behind requests
  // (docs/color-extraction.md).
  EXTRACTION_PROCESSES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of processes from 1 to 64" })
      .int({ error: "expected a number of processes from 1 to 64" })
      .min(1, { error: "expected a number of processes from 1 to 64" })
      .max(64, { error: "expected a number of processes from 1 to 64" })
      .default(defaultColorExtractionSettings.processes),
  ),
  EXTRACTION_NICE: niceValue(defaultColorExtractionSettings.nice),
  EXTRACTION_TIMEOUT_MS: milliseconds(defaultColorExtractionSettings.timeoutMs, 100),
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
  /** The drainer thread's CPU priority (0–19): above 0 it yields a busy core to the request handlers, and the graph lags more. */
  readonly nice: number;
}

/** Which other origins' pages may call the gateway from a browser (src/http/cors.ts). */
export interface CorsSettings {
  /** Exact origins, or `scheme://host:*` for any port of a host. */
  readonly allowedOrigins: readonly string[];
}

/** Image uploads (PUT /v1/assets/{id}/image) and what is done with their colors (docs/color-extraction.md). */
export interface ImageUploadSettings {
  /** Bodies over this are refused (413) while streaming, before anything is decoded. */
  readonly maxBytes: number;
  /** How long a signed upload URL (Mutation.createImageUpload) stays valid. */
  readonly urlTtlSeconds: number;
  /** HMAC key of signed upload URLs; unset, each process makes a random one (replicas must share one). */
  readonly signingSecret: string | undefined;
  /** Extracted colors within this CIEDE2000 of a palette color become that color. */
  readonly maxDeltaE00: number;
}

/** Learned industry patterns (src/patterns/, docs/patterns.md). */
export interface PatternSettings {
  /** k: a pattern or statistic is kept only when at least this many organizations contribute. */
  readonly minOrganizations: number;
  /** How often the refresher checks for changes and recomputes; the staleness bound is about this plus one recomputation. */
  readonly refreshIntervalMs: number;
  /** Patterns kept per industry and size (1, 2, 3 colors), the most supported first: bounds the graph. */
  readonly limitPerIndustry: number;
}

/** Applied outbox events older than retentionSeconds are deleted, batchSize rows at a time (pruneApplied.ts). */
export interface OutboxRetentionSettings {
  readonly retentionSeconds: number;
  readonly batchSize: number;
  readonly intervalMs: number;
}

export interface Config {
  /** Unset: the local Postgres on 127.0.0.1:5432 if it answers, else an embedded PGlite. */
  readonly databaseUrl: string | undefined;
  /** `uri` unset: a local Neo4j Community started by scripts/neo4j.ts. */
  readonly neo4j: Neo4jSettings;
  readonly graphSyncEnabled: boolean;
  /** Owners at which a color becomes common and similarBrands ranks its brands by palette shape. */
  readonly commonColorOwners: number;
  /** Time limits of the work a request makes: each Postgres statement on the gateway's pool, each graph read. */
  readonly requestLimits: { readonly postgresStatementMs: number; readonly graphReadMs: number };
  /** The graph tier's caps (default: Aura Free's, from the seed plan's cost table). */
  readonly graphCapacity: { readonly nodeLimit: number; readonly relationshipLimit: number };
  readonly graphSync: GraphSyncSettings;
  readonly patterns: PatternSettings;
  readonly outboxRetention: OutboxRetentionSettings;
  readonly port: number;
  /** The bind address. */
  readonly host: string;
  /** How long a SIGTERM waits for accepted requests to be answered before closing their connections. */
  readonly shutdownGraceMs: number;
  readonly logLevel: LogLevel;
  readonly production: boolean;
  readonly auth: AuthSettings;
  /** Schema introspection (and so the playground's docs); off in production unless asked for. */
  readonly introspection: boolean;
  readonly queryLimits: { readonly maxDepth: number; readonly maxAliases: number; readonly maxCost: number };
  /** Null: no cross-origin access (production's default). */
  readonly cors: CorsSettings | null;
  /** Whether operations must be in the trusted-documents manifest (contract/trusted-documents.json). */
  readonly trustedDocuments: TrustedDocumentsMode;
  readonly imageUpload: ImageUploadSettings;
  /** Decoding and clustering uploaded images: the defaults with the environment's processes, nice and time limit. */
  readonly colorExtraction: ColorExtractionSettings;
  /** How far back a subscription may resume (`after`): applied events younger than this. */
  readonly subscriptionResumeWindowSeconds: number;
  /** How often every subscription socket is pinged; one that left the previous ping unanswered is ended. */
  readonly subscriptionHeartbeatMs: number;
  /** OpenTelemetry traces (OTEL_* variables); null when not configured. */
  readonly tracing: TracingSettings | null;
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
  const tracing = tracingSettings(env);
  const tracingProblems = "problems" in tracing ? tracing.problems : [];
  if (!parsed.success || tracingProblems.length > 0) {
    throw new ConfigError([
      ...(parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? []),
      ...tracingProblems,
    ]);
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
  if (production) {
    // Production never guesses: outside it these fall back to an embedded Postgres, a local Neo4j
    // and a development secret, none of which a deployment should run on by accident.
    const missing = [
      ...(e.DATABASE_URL ? [] : ["DATABASE_URL: production (NODE_ENV=production) refuses to start without a Postgres URL"]),
      ...(e.NEO4J_URI ? [] : ["NEO4J_URI: production (NODE_ENV=production) refuses to start without a Neo4j URI"]),
      ...(keys.length > 0
        ? []
        : ["AUTH_JWT_SECRET: production (NODE_ENV=production) refuses to start without AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL"]),
    ];
    if (missing.length > 0) throw new ConfigError(missing);
  }
  const cors = corsSettings(e.CORS_ORIGINS, production);
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    }),
    graphSyncEnabled: e.GRAPH_SYNC_ENABLED,
    commonColorOwners: e.COMMON_COLOR_OWNERS,
    requestLimits: Object.freeze({ postgresStatementMs: e.POSTGRES_STATEMENT_TIMEOUT_MS, graphReadMs: e.GRAPH_READ_TIMEOUT_MS }),
    graphCapacity: Object.freeze({ nodeLimit: e.GRAPH_NODE_LIMIT, relationshipLimit: e.GRAPH_RELATIONSHIP_LIMIT }),
    graphSync: Object.freeze({
      waitForGraph: e.GRAPH_SYNC_WAIT,
      waitTimeoutMs: e.GRAPH_SYNC_WAIT_TIMEOUT_MS,
      pollIntervalMs: e.GRAPH_SYNC_POLL_INTERVAL_MS,
      retryBaseMs: e.GRAPH_SYNC_RETRY_BASE_MS,
      retryMaxMs: e.GRAPH_SYNC_RETRY_MAX_MS,
      batchSize: e.GRAPH_SYNC_BATCH_SIZE,
      coalesceMs: e.GRAPH_SYNC_COALESCE_MS,
      nice: e.GRAPH_SYNC_NICE,
    }),
    patterns: Object.freeze({
      minOrganizations: e.PATTERN_MIN_ORGANIZATIONS,
      refreshIntervalMs: e.PATTERN_REFRESH_INTERVAL_MS,
      limitPerIndustry: e.PATTERN_LIMIT_PER_INDUSTRY,
    }),
    outboxRetention: Object.freeze({
      retentionSeconds: e.OUTBOX_RETENTION_SECONDS,
      batchSize: e.OUTBOX_PRUNE_BATCH_SIZE,
      intervalMs: e.OUTBOX_PRUNE_INTERVAL_MS,
    }),
    port: e.PORT,
    host: e.HOST,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    subscriptionResumeWindowSeconds: e.SUBSCRIPTION_RESUME_WINDOW_SECONDS,
    subscriptionHeartbeatMs: e.SUBSCRIPTION_HEARTBEAT_MS,
    logLevel: e.LOG_LEVEL,
    production,
    auth: Object.freeze({ key: keys[0] ?? null, issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE }),
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    queryLimits: Object.freeze({ maxDepth: e.QUERY_MAX_DEPTH, maxAliases: e.QUERY_MAX_ALIASES, maxCost: e.QUERY_MAX_COST }),
    cors,
    trustedDocuments: e.TRUSTED_DOCUMENTS ?? (production ? "only" : "allow-unknown"),
    imageUpload: Object.freeze({
      maxBytes: e.IMAGE_UPLOAD_MAX_BYTES,
      urlTtlSeconds: e.IMAGE_UPLOAD_URL_TTL_SECONDS,
      signingSecret: e.IMAGE_UPLOAD_SIGNING_SECRET,
      maxDeltaE00: e.COLOR_SNAP_MAX_DELTA_E00,
    }),
    tracing: "settings" in tracing ? tracing.settings : null,
    colorExtraction: Object.freeze({
      ...defaultColorExtractionSettings,
      processes: e.EXTRACTION_PROCESSES,
      nice: e.EXTRACTION_NICE,
      timeoutMs: e.EXTRACTION_TIMEOUT_MS,
    }),
  });
}

/**
 * CORS_ORIGINS: comma-separated origins, or `none`. Unset: localhost in development, none in
 * production. `*` is refused: requests carry credentials, which browsers never send to a wildcard.
 */
function corsSettings(value: string | undefined, production: boolean): CorsSettings | null {
  if (value === undefined) return production ? null : Object.freeze({ allowedOrigins: Object.freeze([...LOCALHOST_ORIGINS]) });
  if (value.trim().toLowerCase() === "none") return null;
  const origins = value.split(",").map((o) => o.trim()).filter(Boolean);
  const bad = origins.filter((o) => !ORIGIN.test(o));
  if (bad.length > 0 || origins.length === 0) {
    throw new ConfigError([
      "CORS_ORIGINS: expected none or comma-separated origins like https://app.example.com or http://localhost:* (no path, no trailing slash, no bare *)",
    ]);
  }
  return Object.freeze({ allowedOrigins: Object.freeze(origins.map((o) => o.toLowerCase())) });
}
