// Outside production, a gateway without a configured key still authenticates: it makes a random
// HS256 secret once and keeps it under .data/, so tokens minted with `npm run token` stay valid
// across restarts. Production refuses to start without a key (config.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../stack/paths.ts";

export const devSecretFile = path.join(dataDir, "dev-jwt-secret");

export function readOrCreateDevSecret(file = devSecretFile): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a name of its own, then linked into place: two processes starting at once
  // (test workers, two gateways on a fresh checkout) agree on the first secret linked, and neither
  // can read a file still being written.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
  return fs.readFileSync(file, "utf8").trim();
}
