import { notFound } from "../../errors/codes.ts";
import type { ByIdLookup } from "../../stores/loaders.ts";

/**
 * A parent its foreign key guarantees (a brand's organization, an asset's brand): missing only
 * when deleted by another request after this one read the child, which is NOT_FOUND, not a bug.
 */
export async function loadParent<T>(loader: ByIdLookup<T>, what: string, id: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw notFound(what, id, what.toLowerCase());
  return row;
}
