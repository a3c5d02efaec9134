import { execFileSync } from "node:child_process";
import { projectRoot } from "../../stack/paths.ts";
import { CONTRACT_SCHEMA_PATH } from "./contractFile.ts";

/**
 * The contract file as committed at `revision` (default: the commit before HEAD), or null where
 * there is none to compare with: no git, a shallow clone, or a commit older than the file.
 */
export function previousContract(revision = "HEAD~1"): string | null {
  try {
    return execFileSync("git", ["show", `${revision}:${CONTRACT_SCHEMA_PATH}`], {
      cwd: projectRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}
