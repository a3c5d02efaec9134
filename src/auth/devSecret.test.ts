import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readOrCreateDevSecret } from "./devSecret.ts";

const moduleUrl = new URL("./devSecret.ts", import.meta.url).href;

describe("the development secret", () => {
  it("is made once and read back by every later start", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dev-secret-")), "dev-jwt-secret");
    const first = readOrCreateDevSecret(file);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(readOrCreateDevSecret(file)).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["dev-jwt-secret"]);
  });

  it("is the same secret in processes that start at once on a fresh checkout", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dev-secret-")), "data", "dev-jwt-secret");
    // Each process loads the module, then waits for the same moment to ask for the secret.
    const at = Date.now() + 4000;
    const script = [
      `const { readOrCreateDevSecret } = await import(${JSON.stringify(moduleUrl)});`,
      `while (Date.now() < ${at});`,
      `process.stdout.write(readOrCreateDevSecret(${JSON.stringify(file)}));`,
    ].join("\n");
    const run = () => promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    const secrets = (await Promise.all(Array.from({ length: 6 }, run))).map((r) => r.stdout);
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toBe(fs.readFileSync(file, "utf8"));
    expect(fs.readdirSync(path.dirname(file))).toEqual(["dev-jwt-secret"]);
  });
});
