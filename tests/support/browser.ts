// Debian's Chromium driven by playwright-core: no browser download, flags that keep it off the
// (closed) network, a fresh profile per launch.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { projectRoot } from "../../src/stack/paths.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Screenshots land in test-results/ as artifacts of the run. */
export function artifactPath(name: string): string {
  const dir = path.join(projectRoot, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
