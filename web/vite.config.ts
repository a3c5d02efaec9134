// Builds the browser pages the gateway serves (the GraphQL playground and the graph explorer)
// into dist/web, with every script and style bundled: no CDN, so they work offline.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/ui/",
  logLevel: "warn",
  build: {
    outDir: path.join(here, "..", "dist", "web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4_000,
    rollupOptions: {
      // GraphiQL's dependencies trip two harmless bundler notices; keep real warnings visible.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      // One chunk for the language service, whose modules import each other in a cycle.
      output: {
        manualChunks: (id) => (id.includes("graphql-language-service") ? "graphql-language-service" : undefined),
      },
      input: {
        playground: path.join(here, "playground.html"),
        explorer: path.join(here, "explorer.html"),
      },
    },
  },
  esbuild: { jsx: "automatic" },
});
