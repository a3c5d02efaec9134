// What the working contract file changes against a committed one:
// `npm run schema:changes -- [--against HEAD~1] [--fail-on-breaking]`. Exit 1 only when asked to
// fail and a change is breaking; the test suite runs the same comparison and reports it.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { contractSchemaFile, CONTRACT_SCHEMA_PATH } from "../src/graphql/contract/contractFile.ts";
import { previousContract } from "../src/graphql/contract/previousContract.ts";
import { describeChanges, schemaChanges } from "../src/graphql/contract/schemaChanges.ts";

const { values } = parseArgs({ options: { against: { type: "string", default: "HEAD~1" }, "fail-on-breaking": { type: "boolean", default: false } } });
const before = previousContract(values.against);
if (before === null) {
  console.log(`no ${CONTRACT_SCHEMA_PATH} at ${values.against}: nothing to compare with`);
  process.exit(0);
}
const changes = await schemaChanges(before, fs.readFileSync(contractSchemaFile, "utf8"));
const lines = describeChanges(changes);
console.log(lines.length ? lines.join("\n") : `no changes against ${values.against}`);
console.log(`${changes.breaking.length} breaking, ${changes.dangerous.length} dangerous, ${changes.safe.length} safe`);
if (values["fail-on-breaking"] && changes.breaking.length > 0) process.exit(1);
