import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../stack/paths.ts";

/** The gateway's contract: every .graphql file directly in schema/ (schema/graph/ is the graph half's). */
export function loadSdl(directory = path.join(projectRoot, "schema")): string[] {
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => fs.readFileSync(path.join(directory, name), "utf8"));
}
