import { notFound } from "../errors/codes.ts";

/** Stores look a parent up before writing under it, so an unknown id is NOT_FOUND, never a foreign-key error. */
export function requireFound<T>(row: T | null, what: string, id: string, field: string): T {
  if (row === null) throw notFound(what, id, field);
  return row;
}

/** A delete by id that found no row (another request deleted it after the checks) is NOT_FOUND naming `id`. */
export function requireDeleted(rows: number, what: string, id: string): void {
  if (rows !== 1) throw notFound(what, id, "id");
}
