// The browser pages built by web/ (npm run build:web, run by the start command): the playground,
// served when a browser opens /graphql, and the graph explorer at /explorer. They are public
// HTML and scripts; the data behind them still needs a bearer token.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream";
import { projectRoot } from "../stack/paths.ts";
import { sendJson } from "./sendJson.ts";

const webRoot = path.join(projectRoot, "dist", "web");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/** A browser navigating to /graphql asks for HTML; GraphQL clients ask for JSON. */
export const wantsPlayground = (req: IncomingMessage, url: URL) =>
  req.method === "GET" && url.pathname === "/graphql" && !url.searchParams.has("query") && (req.headers.accept ?? "").includes("text/html");

export function servePage(res: ServerResponse, page: "playground" | "explorer"): void {
  sendFile(res, path.join(webRoot, `${page}.html`), "no-cache");
}

/** Files under /ui/ are content-hashed by Vite, so they may be cached for good. */
export function serveAsset(res: ServerResponse, url: URL): void {
  const name = decodedOrNull(url.pathname.slice("/ui/".length));
  const file = name === null ? null : path.normalize(path.join(webRoot, name));
  if (file === null || !file.startsWith(webRoot + path.sep)) return sendJson(res, 404, { error: "NOT_FOUND", message: "No such file" });
  sendFile(res, file, "public, max-age=31536000, immutable");
}

/** A malformed escape (`%`, `%E0%A4%A`) or a NUL names no file we have. */
function decodedOrNull(encoded: string): string | null {
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes("\0") ? null : decoded;
  } catch {
    return null;
  }
}

function sendFile(res: ServerResponse, file: string, cacheControl: string): void {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    const hint = file.endsWith(".html") ? " (run `npm run build:web`)" : "";
    return sendJson(res, 404, { error: "NOT_FOUND", message: `No such page${hint}` });
  }
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
  });
  // A file that vanishes or fails mid-read must cut this response, not raise an unhandled 'error'.
  pipeline(fs.createReadStream(file), res, (error) => {
    if (error) res.destroy();
  });
}
