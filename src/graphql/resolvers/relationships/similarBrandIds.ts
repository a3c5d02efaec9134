// A similar brand shown by its id alone needs no Postgres row: whether Postgres still has it is
// answered by the outbox's pending deletes (src/sync/pendingDeletes.ts), read beside the graph
// statement, where reading the named rows could only start after the graph answered. A selection
// that asks anything more of the brand (or might, through a fragment) reads the rows as before.
import { Kind, type FieldNode } from "graphql";
import type { Brand } from "../../../generated/prisma/client.ts";
import { graphStatementsSent } from "../../../graph/graphStatementsSent.ts";
import type { SimilarBrandMatch } from "../../../graph/queries/similarBrands.ts";
import type { Loaders } from "../../../postgres/loaders.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

const ID_ONLY = new Set(["id", "__typename"]);

/** Whether these selections of a Brand-typed field ask for nothing but its id. */
export function asksOnlyBrandId(brandFields: readonly FieldNode[]): boolean {
  return brandFields.every(
    (field) => field.selectionSet?.selections.every((s) => s.kind === Kind.FIELD && ID_ONLY.has(s.name.value)) ?? true,
  );
}

/** Whether these selections of similarBrands ask for nothing of each similar brand but its id. */
export function asksOnlySimilarBrandIds(similarBrandsFields: readonly FieldNode[]): boolean {
  const selections = similarBrandsFields.flatMap((field) => field.selectionSet?.selections ?? []);
  if (selections.some((s) => s.kind !== Kind.FIELD)) return false;
  return asksOnlyBrandId(selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "brand"));
}

/**
 * The matches whose brand Postgres still has: by the pending deletes when only ids are shown (a
 * backlog too long to read falls back to the rows), else by the rows the brand fields then use.
 */
export async function keepSimilarBrandsInPostgres(
  matches: Promise<SimilarBrandMatch[]>,
  onlyIds: boolean,
  loaders: Pick<Loaders, "pendingDeletes" | "anyBrandById">,
): Promise<SimilarBrandMatch[]> {
  const pending = onlyIds ? graphStatementsSent().then(() => loaders.pendingDeletes.load("brand")) : null;
  const [found, deleted] = await Promise.all([matches, pending]);
  if (deleted) return found.filter((match) => !deleted.has(match.similarBrandId));
  return keepBrandsInPostgres(found, (match) => match.similarBrandId, loaders.anyBrandById);
}

/** What a Brand parent is when only its id is asked: no field reads anything else of it. */
export const brandById = (id: string) => ({ id }) as Brand;
