// Mints a development bearer token, signed with AUTH_JWT_SECRET when set, else with the local
// development secret (.data/):
//   npm run token -- --org <organizationId> --role viewer|editor|admin
//   npm run token -- --platform-operator     (backfill, reconcile, syncStatus, organizations)
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../src/auth/access.ts";
import { readOrCreateDevSecret } from "../src/auth/devSecret.ts";
import { mintToken } from "../src/auth/mintToken.ts";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    role: { type: "string", default: "editor" },
    "platform-operator": { type: "boolean", default: false },
    expires: { type: "string", default: "12h" },
  },
});
const operator = values["platform-operator"];
if (operator ? values.org !== undefined : !values.org || !ROLES.includes(values.role as Role)) {
  console.error(`usage: npm run token -- --org <organizationId> --role ${ROLES.join("|")} [--expires 12h]`);
  console.error("       npm run token -- --platform-operator [--expires 12h]   (no --org: the operator belongs to none)");
  process.exit(2);
}
const secret = process.env.AUTH_JWT_SECRET || readOrCreateDevSecret();
const claims = operator ? { platformOperator: true as const } : { organizationId: values.org!, role: values.role as Role };
console.log(await mintToken(secret, claims, values.expires));
