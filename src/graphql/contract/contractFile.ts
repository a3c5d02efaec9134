import path from "node:path";
import { projectRoot } from "../../stack/paths.ts";

/** Where the served schema is committed, relative to the repository (git show wants it so). */
export const CONTRACT_SCHEMA_PATH = "contract/schema.graphql";

export const contractSchemaFile = path.join(projectRoot, CONTRACT_SCHEMA_PATH);
