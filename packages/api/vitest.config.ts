import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // citation-js loads its styles and name tables on first use: seconds on a busy 2-core
    // machine, which the default 5 s left no room for (a CI run timed out there once).
    testTimeout: 30_000,
  },
});
