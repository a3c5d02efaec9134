// Argument rules shared by GraphQL and REST, so both answer BAD_USER_INPUT for the same values;
// each caller passes the argument's name as its client spells it (minSamples vs min_samples).
import { badInput } from "../errors/codes.ts";
import { normalizeHex } from "./hex.ts";

export const MAX_LIMIT = 50;

export function atLeastOne(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw badInput(field, "must be an integer of at least 1");
  return value;
}

export function boundedLimit(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw badInput(field, `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return value;
}

export function validHex(field: string, value: string): string {
  const hex = normalizeHex(value);
  if (!hex) throw badInput(field, "must be a color as #RGB or #RRGGBB");
  return hex;
}
