// Writes the served schema to contract/schema.graphql: `npm run schema:print` after any change to
// schema/ or schema/graph/, then commit the file (its test fails until then).
import fs from "node:fs";
import { contractSchemaFile, CONTRACT_SCHEMA_PATH } from "../src/graphql/contract/contractFile.ts";
import { printServedSchema } from "../src/graphql/contract/printServedSchema.ts";

const served = await printServedSchema();
const before = fs.existsSync(contractSchemaFile) ? fs.readFileSync(contractSchemaFile, "utf8") : null;
fs.writeFileSync(contractSchemaFile, served);
console.log(before === served ? `${CONTRACT_SCHEMA_PATH} is up to date` : `wrote ${CONTRACT_SCHEMA_PATH}`);
