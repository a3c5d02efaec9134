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
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
