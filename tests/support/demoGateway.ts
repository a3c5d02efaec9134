// A gateway on the demo set alone, in a database of its own and already in the graph, as `npm start`
// leaves an empty database (src/demo/seedDemoIntoGraph.ts); its development token is, as in
// startupAuth.ts, an admin of the first organization.
import { seedDemo } from "../../src/demo/seedDemo.ts";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import { createIsolatedDatabase } from "./isolatedDatabase.ts";
import { drainUntilApplied } from "./outbox.ts";
import { tenancyHeaders, tenancyVerifier } from "./tenants.ts";
import { createTestDeps, startTestGateway, type TestDeps, type TestGateway } from "./testDeps.ts";

export async function startDemoGateway(databaseName: string): Promise<TestGateway> {
  const databaseUrl = await createIsolatedDatabase(databaseName);
  let deps: TestDeps;
  deps = createTestDeps({
    databaseUrl,
    verifyToken: tenancyVerifier(),
    devToken: async () => (await tenancyHeaders("admin", (await organizationStore.firstId(deps.prisma))!)).authorization!.slice("Bearer ".length),
  });
  await seedDemo(deps);
  const events = await deps.prisma.syncEvent.findMany({ select: { id: true } });
  await drainUntilApplied(deps.sync.drainer!, deps.prisma, events.map((e) => e.id));
  return startTestGateway(deps);
}
