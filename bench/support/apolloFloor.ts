// The floor under the gateway's ratio: a bare Apollo Server 5 (no plugins, no authentication, no
// limits, an empty context) behind the gateway's own node:http bridge, whose resolvers run the same
// src/graph functions as the gateway, and for similar brands the same Postgres statement beside the
// graph's (the asked brand's row and the pending brand deletes) that keeps every brand shown in
// Postgres. Timed beside the gateway and the direct call, it splits the gateway's time over the
// Cypher into what any Apollo Server pays on this machine and what the gateway adds to it.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { graphStatementsSent } from "../../src/graph/graphStatementsSent.ts";
import { findColorPairings } from "../../src/relationships/colorPairings.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import { graphqlHandler } from "../../src/http/graphqlHandler.ts";
import { brandStore } from "../../src/stores/brandStore.ts";
import type { Sql } from "../../src/postgres/createPrisma.ts";

const typeDefs = `
  type Query {
    similarBrands(brandId: ID!, minSharedColors: Int!, limit: Int!): [SimilarBrand!]
    pairings(hex: String!, organizationId: ID!, minSamples: Int!, limit: Int!): [Pairing!]!
  }
  type SimilarBrand { similarBrandId: ID! sharedColorCount: Int! similarityScore: Float! }
  type Pairing { pairedHex: String! pairingCount: Int! avgComplianceScore: Float }
`;

export interface ApolloFloor {
  /** POST target for GraphQL requests. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startApolloFloor(graph: GraphConnection, sql: Sql): Promise<ApolloFloor> {
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: {
        similarBrands: async (_root: unknown, { brandId, ...args }: { brandId: string; minSharedColors: number; limit: number }) => {
          const started = performance.now();
          const beside = graphStatementsSent().then(() => brandStore.rowWithPendingDeletes(sql, brandId, started));
          const [matches, { brand, pendingDeletes }] = await Promise.all([findSimilarBrands(graph, [brandId], args), beside]);
          return brand && matches.filter((m) => !pendingDeletes?.has(m.similarBrandId));
        },
        // Named as the asking tenant names colors, as the gateway's answer is.
        pairings: async (_root: unknown, { hex, organizationId, ...args }: { hex: string; organizationId: string; minSamples: number; limit: number }) =>
          (await findColorPairings(graph, [hex], args, organizationId))[0]?.pairings ?? [],
      },
    },
  });
  await apollo.start();
  const handle = graphqlHandler(apollo, (params) => ({ admitted: true, params }));
  const server = http.createServer((req, res) => void handle(req, res, new URL(req.url ?? "/", "http://floor.local"), async () => ({})));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
