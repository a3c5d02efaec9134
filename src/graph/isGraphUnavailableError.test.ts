import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isGraphUnavailableError } from "./isGraphUnavailableError.ts";

describe("isGraphUnavailableError", () => {
  it.each([
    ["a server that cannot be reached", new Neo4jError("Failed to connect", "ServiceUnavailable", "", "")],
    ["a session on a server that went away", new Neo4jError("Expired", "SessionExpired", "", "")],
    ["a transient server error", new Neo4jError("Try again", "Neo.TransientError.General.DatabaseUnavailable", "", "")],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
  ])("is true for %s", (_label, error) => {
    expect(isGraphUnavailableError(error)).toBe(true);
  });

  it.each([
    ["a Cypher syntax error", new Neo4jError("Invalid input", "Neo.ClientError.Statement.SyntaxError", "", "")],
    ["a plain bug", new TypeError("undefined is not a function")],
    ["a non-error", "oops"],
  ])("is false for %s", (_label, error) => {
    expect(isGraphUnavailableError(error)).toBe(false);
  });
});
