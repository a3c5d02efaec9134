// Mints a development bearer token: `npm run token -- --org <organizationId> --role editor`.
// Signs with AUTH_JWT_SECRET when set, else with the local development secret (.data/).
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../src/auth/access.ts";
import { readOrCreateDevSecret } from "../src/auth/devSecret.ts";
import { mintToken } from "../src/auth/mintToken.ts";

const { values } = parseArgs({
  options: { org: { type: "string" }, role: { type: "string", default: "editor" }, expires: { type: "string", default: "12h" } },
});
if (!values.org || !ROLES.includes(values.role as Role)) {
  console.error(`usage: npm run token -- --org <organizationId> --role ${ROLES.join("|")} [--expires 12h]`);
  process.exit(2);
}
const secret = process.env.AUTH_JWT_SECRET || readOrCreateDevSecret();
console.log(await mintToken(secret, { organizationId: values.org, role: values.role as Role }, values.expires));
