import { badInput } from "../errors/codes.ts";
import { normalizeHex } from "./hex.ts";

/** normalizeHex for input fields: a value that is not a color is BAD_USER_INPUT naming the field. */
export function requireHex(value: string, field: string): string {
  const hex = normalizeHex(value);
  if (!hex) throw badInput(field, `"${value}" is not a color; expected #RGB or #RRGGBB`);
  return hex;
}
