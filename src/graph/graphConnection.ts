import type { Driver } from "./createDriver.ts";

/** A graph the gateway may use; null everywhere the graph is disabled (no Neo4j configured). */
export interface GraphConnection {
  readonly driver: Driver;
  readonly database: string;
  /** Told the name and duration of every graph read (the metrics histogram); optional in tests. */
  /** Neo4j ends a request's read running longer (its transaction timeout); unset: the server's default. */
  readonly readTimeoutMs?: number;
  readonly onQuery?: (name: string, seconds: number) => void;
  /**
   * A causal request's (x-graph-sync: wait): the bookmarks its graph reads are opened with, resolved
   * at its first graph read (src/graph/causalGraph.ts). Unset: the driver's own bookmark manager only.
   */
  readonly readBookmarks?: () => Promise<readonly string[]>;
  /** Owners at which the projector makes a color common (src/projector/paletteShapes.ts); unset: its default. */
  readonly commonColorOwners?: number;
}
