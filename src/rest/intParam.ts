import { badInput } from "../errors/codes.ts";

/** A whole-number query parameter, or the default when absent; "3.5", "", "x" are BAD_USER_INPUT. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d{1,9}$/.test(raw)) throw badInput(name, "must be a whole number");
  return Number(raw);
}
