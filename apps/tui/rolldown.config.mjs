import { defineConfig } from "rolldown";

// The TUI starts in one file: Ink, React, the tRPC client and the screens bundled together load
// far faster than ~200 separate modules (see docs/decisions/0052-tui-bundle.md). tsc still
// writes dist/ for types and the library entry; this overwrites dist/cli.js with the bundle.
// The API and the store stay outside: they load only in-process, with their native SQLite module.
export default defineConfig({
  input: "src/cli.ts",
  platform: "node",
  // Ink loads its devtools (and react-devtools-core, not installed) only when DEV=true: that
  // dynamic import stays a separate chunk that normal runs never load.
  external: [/^@corpus\/(api|store)$/, "better-sqlite3", "react-devtools-core"],
  transform: { define: { "process.env.NODE_ENV": JSON.stringify("production") } },
  output: {
    dir: "dist",
    entryFileNames: "cli.js",
    chunkFileNames: "chunks/[name]-[hash].js",
    format: "esm",
    sourcemap: true,
  },
});
