// The contract file is the served schema, and a change to it is reported against the previous
// commit's file in graphql-inspector's terms. Breaking changes are reported, not failed: the
// contract file's diff is what a reviewer approves, and some breaks are deliberate (docs/frontends.md).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { contractSchemaFile, CONTRACT_SCHEMA_PATH } from "./contractFile.ts";
import { previousContract } from "./previousContract.ts";
import { printServedSchema } from "./printServedSchema.ts";
import { describeChanges, schemaChanges } from "./schemaChanges.ts";

describe("the committed contract file", () => {
  it("is exactly the schema the gateway serves", async () => {
    const committed = fs.existsSync(contractSchemaFile) ? fs.readFileSync(contractSchemaFile, "utf8") : "";
    const served = await printServedSchema();
    expect(committed === served, `${CONTRACT_SCHEMA_PATH} differs from the served schema: run \`npm run schema:print\` and commit the file`).toBe(true);
  }, 60_000);

  it("reports its changes against the previous commit's file, breaking ones first", async () => {
    const before = previousContract();
    const after = fs.readFileSync(contractSchemaFile, "utf8");
    if (before === null) {
      console.warn(`contract: no ${CONTRACT_SCHEMA_PATH} in HEAD~1, nothing to compare with`);
      return expect(previousContract("HEAD")).not.toBeUndefined();
    }
    const changes = await schemaChanges(before, after);
    const lines = describeChanges(changes);
    if (changes.breaking.length > 0) console.warn(`contract: ${changes.breaking.length} breaking change(s) against HEAD~1:\n${lines.join("\n")}`);
    expect(lines.length).toBe(changes.breaking.length + changes.dangerous.length + changes.safe.length);
  });
});

describe("schemaChanges", () => {
  const before = `type Query { brand(id: ID!): Brand }\ntype Brand { id: ID! name: String! }`;

  it("calls a removed field breaking", async () => {
    const changes = await schemaChanges(before, `type Query { brand(id: ID!): Brand }\ntype Brand { id: ID! }`);
    expect(changes.breaking.map((c) => c.path)).toEqual(["Brand.name"]);
    expect(describeChanges(changes)[0]).toMatch(/^BREAKING\s+Brand\.name/);
  });

  it("calls an added field safe", async () => {
    const changes = await schemaChanges(before, `type Query { brand(id: ID!): Brand }\ntype Brand { id: ID! name: String! slug: String }`);
    expect(changes.breaking).toEqual([]);
    expect(changes.safe.map((c) => c.path)).toEqual(["Brand.slug"]);
  });

  it("calls a new required argument breaking", async () => {
    const changes = await schemaChanges(before, `type Query { brand(id: ID!, org: ID!): Brand }\ntype Brand { id: ID! name: String! }`);
    expect(changes.breaking.map((c) => c.path)).toEqual(["Query.brand.org"]);
  });
});
