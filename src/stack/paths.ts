import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root, whichever script or test asks. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Local database files live here, never in the source tree proper. */
export const dataDir = path.join(projectRoot, ".data");
