// One gateway per test file on the real databases, started before its tests and closed after:
// `const sut = crudSuite()` at the top of a describe, then `sut.graphql(…)`, `sut.make.brand(…)`.
import { afterAll, beforeAll } from "vitest";
import { crudFactory } from "./crudFactory.ts";
import { startTestGateway, type TestDeps, type TestGateway } from "./testDeps.ts";

export function crudSuite() {
  let gateway: TestGateway | null = null;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway?.close());
  const started = () => {
    if (!gateway) throw new Error("crudSuite(): the gateway is only there inside a test (did beforeAll fail?)");
    return gateway;
  };
  return {
    graphql: ((...args) => started().graphql(...args)) as TestGateway["graphql"],
    get deps(): TestDeps {
      return started().deps;
    },
    make: crudFactory({
      get sql() {
        return started().deps.sql;
      },
      get sync() {
        return started().deps.sync;
      },
    }),
  };
}
