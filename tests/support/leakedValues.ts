import type { GraphTenant } from "./graphTenants.ts";

/**
 * Every value in a response that belongs to `other`: one of its ids, or a name, prompt or reason it
 * wrote (they all start with its prefix), with the path where it was found.
 */
export function leakedValues(value: unknown, other: Pick<GraphTenant, "ids" | "prefix">, path = "data"): string[] {
  if (typeof value === "string") return other.ids.has(value) || value.startsWith(other.prefix) ? [`${path} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leakedValues(v, other, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leakedValues(v, other, `${path}.${k}`));
  return [];
}
