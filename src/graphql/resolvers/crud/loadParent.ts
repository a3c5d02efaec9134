import type DataLoader from "dataloader";
import { notFound } from "../../../errors/codes.ts";

/**
 * A parent its foreign key guarantees (a brand's organization, an asset's brand): missing only
 * when deleted by another request after this one read the child, which is NOT_FOUND, not a bug.
 */
export async function loadParent<T>(loader: DataLoader<string, T | null>, what: string, id: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw notFound(what, id, what.toLowerCase());
  return row;
}
