// Keyset pagination by id. Ids are UUIDv7, so id order is creation order and `id > after` is an
// index range scan however deep the page; offsets would rescan every skipped row.
import { badInput } from "../errors/codes.ts";

export const DEFAULT_PAGE_SIZE = 20;
/** The hard limit: a page bigger than this is refused, not silently truncated. */
export const MAX_PAGE_SIZE = 100;

export interface Page {
  /** Rows wanted; stores fetch one more to learn whether another page follows. */
  readonly first: number;
  /** Exclusive lower bound on id, or null for the first page. */
  readonly afterId: string | null;
}

export interface Connection<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CURSOR_PREFIX = "id:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients so the ordering key can change without breaking the contract. */
export const encodeCursor = (id: string) => Buffer.from(CURSOR_PREFIX + id).toString("base64url");

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const id = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : "";
  if (!UUID.test(id)) throw badInput("after", "is not a cursor this API returned");
  return id;
}

export function parsePage(first: number | null | undefined, after: string | null | undefined): Page {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput("first", `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { first: size, afterId: after ? decodeCursor(after) : null };
}

/** `rows` is what the store fetched for `page`: up to first + 1 rows in id order. */
export function toConnection<T extends { id: string }>(rows: readonly T[], page: Page): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * A bounded list (a plain list field kept beside its connection): its first `first` rows, at most
 * MAX_PAGE_SIZE, which is also what an absent or null `first` means.
 */
export async function boundedList<T>(first: number | null | undefined, fetch: (page: Page) => Promise<readonly T[]>): Promise<T[]> {
  const page = parsePage(first ?? MAX_PAGE_SIZE, null);
  return (await fetch(page)).slice(0, page.first);
}

/** One list field: parse the arguments, let the store fetch the page, shape it as a connection. */
export async function paginate<T extends { id: string }>(
  args: { first?: number | null; after?: string | null },
  fetch: (page: Page) => Promise<readonly T[]>,
): Promise<Connection<T>> {
  const page = parsePage(args.first, args.after);
  return toConnection(await fetch(page), page);
}
