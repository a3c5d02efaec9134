// The crash test's doomed gateway: the write path of a real gateway process (config from its
// environment, its own Prisma pool, Neo4j driver and graph sync). It commits mixed writes exactly as
// mutations do and prints its scope after each, first with the live after-commit projection, then —
// the crash window — committed without reaching afterCommit. Then it prints DOOMED and hangs until
// the test SIGKILLs it. Usage: node --import tsx crashingWriter.ts <hex>,<hex>,…
import { loadConfig } from "../../src/config/config.ts";
import { createDeps } from "../../src/gateway/createDeps.ts";
import type { GatewayDeps } from "../../src/gateway/gatewayDeps.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import { queueOnlySync } from "../../src/outbox/graphSync.ts";
import { newScope, syncedWrites, type TestScope } from "./syncedWrites.ts";

const hexes = process.argv[2]!.split(",");
const config = loadConfig();
const live = createDeps({
  config,
  logger: createLogger("silent"),
  databaseUrl: config.databaseUrl!,
  maxConnections: 3,
  neo4jUri: config.neo4j.uri!,
});
const scope = newScope();
for (const hex of hexes) scope.hexes.add(hex);

const report = (s: TestScope) =>
  console.log(
    JSON.stringify({
      brands: [...s.brands],
      assets: [...s.assets],
      feedback: [...s.feedback],
      templates: [...s.templates],
      eventIds: s.eventIds.map(String),
    }),
  );

async function round(deps: GatewayDeps, n: number, orgId: string) {
  const writes = syncedWrites(deps, scope);
  const hex = (k: number) => hexes[(n + k) % hexes.length]!;
  const brand = await writes.createBrand({ organizationId: orgId, name: `C${n}`, colors: [{ hex: hex(0), name: `c${n}` }] });
  report(scope);
  const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: hex(1), coverage: 0.7 }] });
  report(scope);
  await writes.recordFeedback({ assetId: asset.id, action: "approve" });
  report(scope);
  await writes.updateBrand(brand.id, { name: `C${n}'`, colors: [{ hex: hex(2), name: `d${n}` }] });
  report(scope);
}

const org = await syncedWrites(live, scope).createOrganization();
for (let n = 0; n < 5; n++) await round(live, n, org.id);
const crashWindow: GatewayDeps = { ...live, sync: queueOnlySync };
for (let n = 5; n < 10; n++) await round(crashWindow, n, org.id);
console.log("DOOMED");
await new Promise(() => {});
