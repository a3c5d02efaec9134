import { randomBytes } from "node:crypto";

/** A UUIDv7 for `ms`, like Prisma's uuid(7): ids sort by creation time, as keyset reads assume. */
export function uuidv7(ms: number): string {
  const t = ms.toString(16).padStart(12, "0");
  const r = randomBytes(10).toString("hex");
  const variant = ((parseInt(r[18]!, 16) & 0x3) | 0x8).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(3, 6)}-${r.slice(6, 18)}`;
}
