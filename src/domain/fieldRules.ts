// The rules every input field follows; each names the offending field path (`input.colors[1].hex`)
// so a client can put the message next to the right form control.
import { badInput } from "../errors/codes.ts";

export const NAME_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 2000;

/** GraphQL lets a client send null for an optional input field; on a required column that is a mistake. */
export function notNull<T>(value: T | null, field: string): T {
  if (value === null) throw badInput(field, "cannot be null");
  return value;
}

/** Trimmed, non-empty, at most `max` characters. */
export function requireText(value: string, field: string, max = NAME_MAX_LENGTH): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, "must not be empty");
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Optional free text: trimmed, empty becomes null, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max = TEXT_MAX_LENGTH) {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed.length === 0 ? null : trimmed;
}

/** Weights, coverages and scores are shares: within [0, 1]. */
export function unitInterval(value: number | null | undefined, field: string) {
  if (value === undefined || value === null) return value;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw badInput(field, `${value} is not within [0, 1]`);
  return value;
}

/** One of a closed set, compared case-insensitively, returned in its canonical (lower) case. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  const lower = value.trim().toLowerCase();
  const match = allowed.find((a) => a === lower);
  if (!match) throw badInput(field, `"${value}" is not one of ${allowed.join(", ")}`);
  return match;
}

/** For update inputs: undefined leaves the column as it is, null is refused, anything else is parsed. */
export function ifGiven<T, R>(value: T | null | undefined, field: string, parse: (value: T, field: string) => R): R | undefined {
  return value === undefined ? undefined : parse(notNull(value, field), field);
}
