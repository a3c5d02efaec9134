// Argument rules of the industry queries, shared by GraphQL and REST (each passes the argument's
// name as its client spells it).
import { badInput } from "../errors/codes.ts";

export const MAX_TREND_MONTHS = 36;

/** A pattern size: 1 (a color), 2 (a pair) or 3 (a triad), within `allowed`. */
export function patternSize(field: string, value: unknown, allowed: readonly number[]): number {
  if (typeof value !== "number" || !allowed.includes(value)) throw badInput(field, `must be one of ${allowed.join(", ")}`);
  return value;
}

/** 'YYYY-MM' with a month 01–12. */
export function yearMonth(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw badInput(field, "must be a month as YYYY-MM");
  return `${match[1]}-${match[2]}`;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** [from, to], both months included, at most MAX_TREND_MONTHS long; the fields as the client names them. */
export function trendWindow(fields: { from: string; to: string }, from: string, to: string): { from: string; to: string } {
  const window = { from: yearMonth(fields.from, from), to: yearMonth(fields.to, to) };
  const months = monthIndex(window.to) - monthIndex(window.from) + 1;
  if (months < 1) throw badInput(fields.to, `must not be before ${fields.from}`);
  if (months > MAX_TREND_MONTHS) throw badInput(fields.to, `the window spans ${months} months; at most ${MAX_TREND_MONTHS}`);
  return window;
}
