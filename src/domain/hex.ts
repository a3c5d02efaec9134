const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The one spelling of a color everywhere (Postgres, Neo4j, responses): '#RRGGBB', upper case.
 * Accepts #RGB or #RRGGBB, with or without '#', any case; anything else is null.
 */
export function normalizeHex(input: string): string | null {
  const digits = HEX.exec(input.trim())?.[1];
  if (!digits) return null;
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return `#${full.toUpperCase()}`;
}
