// Which selections show a graph row's brand by its id alone. Such a brand needs no Postgres row
// (keepBrandsInPostgres.ts), and its `brand` field answers from the id the graph named.
import { Kind, type FieldNode } from "graphql";
import type { Brand } from "../../generated/prisma/client.ts";

const ID_ONLY = new Set(["id", "__typename"]);

/** Whether these selections of a Brand-typed field ask for nothing but its id. */
export function asksOnlyBrandId(brandFields: readonly FieldNode[]): boolean {
  return brandFields.every(
    (field) => field.selectionSet?.selections.every((s) => s.kind === Kind.FIELD && ID_ONLY.has(s.name.value)) ?? true,
  );
}

/**
 * Whether these selections of a list of graph rows with a `brand` field (similarBrands,
 * Color.brands) ask nothing of each row's brand but its id. A fragment might ask more: false.
 */
export function asksOnlyBrandIdsOf(rowListFields: readonly FieldNode[]): boolean {
  const selections = rowListFields.flatMap((field) => field.selectionSet?.selections ?? []);
  if (selections.some((s) => s.kind !== Kind.FIELD)) return false;
  return asksOnlyBrandId(selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "brand"));
}

/** What a Brand parent is when only its id is asked: no field reads anything else of it. */
export const idOnlyBrand = (id: string) => ({ id }) as Brand;
