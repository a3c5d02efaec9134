// Row ids are UUIDv7 (RFC 9562), as Prisma's @default(uuid(7)) made them: the creation time in
// milliseconds comes first, so ordering by id is ordering by creation time (keyset pages rely on
// it). Within one millisecond a counter that starts at a random value keeps this process's ids
// rising, as the uuid package Prisma bundles does; a clock that steps back keeps the last time.
import { randomFillSync } from "node:crypto";

let lastMs = -Infinity;
let sequence = 0;

/** A new UUIDv7 for a row the stores insert. */
export function newId(now = Date.now()): string {
  const random = randomFillSync(new Uint8Array(16));
  if (now > lastMs) {
    lastMs = now;
    sequence = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMs++;
  }
  const ms = lastMs;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = 0x70 | ((sequence >>> 28) & 0x0f);
  bytes[7] = (sequence >>> 20) & 0xff;
  bytes[8] = 0x80 | ((sequence >>> 14) & 0x3f);
  bytes[9] = (sequence >>> 6) & 0xff;
  bytes[10] = ((sequence << 2) & 0xff) | (random[10]! & 0x03);
  bytes.set(random.subarray(11), 11);
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
