import { describe, expect, it } from "vitest";
import { encodeCursor, MAX_PAGE_SIZE, parsePage, toConnection } from "./pagination.ts";

const ID = "019abcde-0000-7000-8000-000000000001";
const refusal = (field: string) => expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field } });

describe("parsePage", () => {
  it("defaults to 20 from the start", () => expect(parsePage(undefined, null)).toEqual({ first: 20, afterId: null }));
  it("reads back the id a cursor was made from", () => expect(parsePage(5, encodeCursor(ID))).toEqual({ first: 5, afterId: ID }));
  it("allows the maximum page size and refuses one more, naming first", () => {
    expect(parsePage(MAX_PAGE_SIZE, null).first).toBe(MAX_PAGE_SIZE);
    expect(() => parsePage(MAX_PAGE_SIZE + 1, null)).toThrow(refusal("first"));
    expect(() => parsePage(-1, null)).toThrow(refusal("first"));
  });
  it.each(["garbage", encodeCursor("not-a-uuid"), Buffer.from(ID).toString("base64url")])("refuses cursor %j, naming after", (cursor) => {
    expect(() => parsePage(10, cursor)).toThrow(refusal("after"));
  });
});

describe("toConnection", () => {
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("uses the extra row only to say another page follows", () => {
    const connection = toConnection(rows, { first: 2, afterId: null });
    expect(connection.edges.map((e) => e.node.id)).toEqual(["a", "b"]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor("b") });
  });
  it("ends without a cursor when the page is empty", () => {
    expect(toConnection([], { first: 2, afterId: null }).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
