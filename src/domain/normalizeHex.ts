import { badInput } from "../errors/codes.ts";

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * '#RGB' or '#RRGGBB', with or without '#', any case → '#RRGGBB' upper case: the one spelling
 * Postgres and the graph key colors by, so "#0057b8" and "0057B8" are the same color.
 */
export function normalizeHex(value: string, field: string): string {
  const digits = HEX.exec(value.trim())?.[1];
  if (!digits) throw badInput(field, `"${value}" is not a color; expected #RGB or #RRGGBB`);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return `#${full.toUpperCase()}`;
}
