import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("the local stack", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it("writes an organization through Prisma and reads it back from Postgres", async () => {
    const name = `Stack test ${randomUUID()}`;
    const created = await gateway.deps.prisma.organization.create({ data: { name } });
    const read = await gateway.deps.prisma.organization.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.name).toBe(name);
    expect(read.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes a node through neo4j-driver and reads it back from Neo4j", async () => {
    const { driver } = gateway.deps.graph!;
    const hex = `#${randomUUID().slice(0, 6).toUpperCase()}`;
    await driver.executeQuery("MERGE (c:Color {hex: $hex}) SET c.name = $name", { hex, name: "stack test" });
    const { records } = await driver.executeQuery("MATCH (c:Color {hex: $hex}) RETURN c.name AS name", { hex });
    expect(records.map((r) => r.get("name"))).toEqual(["stack test"]);
    await driver.executeQuery("MATCH (c:Color {hex: $hex}) DELETE c", { hex });
  });

  it("runs the Neo4j version @neo4j/graphql requires, with APOC loaded", async () => {
    const { driver } = gateway.deps.graph!;
    const { records } = await driver.executeQuery(
      "CALL dbms.components() YIELD versions RETURN versions[0] AS version, apoc.version() AS apoc",
    );
    expect(records[0]!.get("version")).toMatch(/^5\.26\./);
    expect(records[0]!.get("apoc")).toBe(records[0]!.get("version"));
  });

  it("has the uniqueness constraint on every graph key", async () => {
    const { driver } = gateway.deps.graph!;
    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] RETURN labelsOrTypes[0] + '.' + properties[0] AS key",
    );
    expect(records.map((r) => r.get("key")).sort()).toEqual([
      "Asset.asset_id",
      "Brand.brand_id",
      "Color.hex",
      "Industry.code",
      "PaletteShape.key",
      "Pattern.pattern_id",
      "RECEIVED_FEEDBACK.feedback_id",
      "Template.template_id",
    ]);
  });

  it("answers a GraphQL query over HTTP with both stores healthy", async () => {
    const result = await gateway.graphql("{ health { postgres graph } }");
    expect(result).toEqual({ data: { health: { postgres: true, graph: "HEALTHY" } } });
  });

  it("returns the caller's x-request-id, or makes one", async () => {
    const given = await fetch(`${gateway.url}/health`, { headers: { "x-request-id": "req-123" } });
    expect(given.headers.get("x-request-id")).toBe("req-123");
    const made = await fetch(`${gateway.url}/health`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
