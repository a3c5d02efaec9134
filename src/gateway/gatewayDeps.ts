import type { Logger } from "pino";
import type { ImageUploadSigner } from "../auth/imageUploadSigner.ts";
import type { TokenVerifier } from "../auth/tokenVerifier.ts";
import type { Config } from "../config/config.ts";
import type { GraphCatchUp } from "../demo/seedDemoIntoGraph.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Registry } from "../observability/metricsRegistry.ts";
import type { GraphSync } from "../outbox/graphSync.ts";
import type { ColorExtractor } from "../pixels/ColorExtractor.ts";
import type { PatternRefresher } from "../patterns/patternRefresher.ts";
import type { PrismaClient, Sql } from "../postgres/createPrisma.ts";
import type { ChangeFeed } from "../subscriptions/changeFeed.ts";

/** What the server is built from (createDeps.ts); tests and the benchmark build the same. */
export interface GatewayDeps {
  readonly config: Config;
  readonly prisma: PrismaClient;
  /** Plain SQL on Prisma's pool, for the hot reads (createPrisma.ts). */
  readonly sql: Sql;
  readonly graph: GraphConnection | null;
  readonly logger: Logger;
  /** Mutations hand their committed outbox events to this. */
  readonly sync: GraphSync;
  /** Recomputes the learned industry patterns on a schedule; null without a graph. */
  readonly patterns: PatternRefresher | null;
  /** Applied graph changes for subscriptions (LISTEN/NOTIFY); null where they are off (embedded PGlite). */
  readonly changes: ChangeFeed | null;
  /** This gateway's Prometheus registry, scraped at GET /metrics. */
  readonly metrics: Registry;
  /** Verifies bearer tokens; null only where authentication is deliberately off (tests). */
  readonly verifyToken: TokenVerifier | null;
  /**
   * Development only (no key configured): a token for the demo organization, handed to the
   * playground and explorer at /dev/token so they work without setup. Null everywhere else.
   */
  readonly devToken: (() => Promise<string | null>) | null;
  /** Reads uploaded images' colors off the event loop (src/pixels). */
  readonly colorExtractor: ColorExtractor;
  /** Signs and checks the upload URLs Mutation.createImageUpload hands out. */
  readonly uploadSigner: ImageUploadSigner;
  /** What this start seeded and the graph has yet to apply (readiness waits for it); absent when nothing. */
  readonly graphCatchUp?: GraphCatchUp | null;
}
