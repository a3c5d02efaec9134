/**
 * A UUIDv7 for `ms`, like Prisma's uuid(7) (ids sort by creation time, as keyset reads assume), with
 * its random bits drawn from the data set's seeded generator, so a rerun writes the same ids.
 */
export function seededUuidv7(ms: number, random: () => number): string {
  const t = ms.toString(16).padStart(12, "0");
  const r = Array.from({ length: 20 }, () => Math.floor(random() * 16).toString(16)).join("");
  const variant = ((parseInt(r[18]!, 16) & 0x3) | 0x8).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(3, 6)}-${r.slice(6, 18)}`;
}
