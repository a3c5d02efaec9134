// The local Neo4j that `npm start` and `npm run neo4j` run when NEO4J_URI is unset: a real
// Neo4j Community process, started idempotently and stopped without leaving it behind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from "../../src/stack/localNeo4j.ts";
import { portAnswers } from "../../src/stack/portAnswers.ts";
import { testStack } from "../support/testStack.ts";

describe("the local Neo4j", () => {
  const options = {
    port: testStack().neo4jPort + 20,
    home: fs.mkdtempSync(path.join(os.tmpdir(), "mobius-neo4j-")),
  };
  afterAll(async () => {
    await stopLocalNeo4j(options);
    fs.rmSync(options.home, { recursive: true, force: true });
  });

  it("starts once, reuses the running server on a second start, and stops without an orphan", async () => {
    const first = await startLocalNeo4j(options);
    expect(first).toEqual({ uri: `bolt://127.0.0.1:${options.port}`, startedHere: true });

    const driver = neo4j.driver(first.uri);
    const { records } = await driver.executeQuery("RETURN apoc.text.join(['bolt', 'answers'], ' ') AS text");
    await driver.close();
    expect(records[0]!.get("text")).toBe("bolt answers");

    const second = await startLocalNeo4j(options);
    expect(second).toEqual({ uri: first.uri, startedHere: false });

    const { pid } = await localNeo4jStatus(options);
    expect(pid).toBeGreaterThan(0);
    expect(await stopLocalNeo4j(options)).toBe(true);
    expect(await portAnswers(options.port)).toBe(false);
    expect(() => process.kill(pid!, 0)).toThrow();
  }, 240_000);
});
