#!/usr/bin/env node
// Serves the built web app: `next start` on PORT (default 3000) against the API at
// CORPUS_API_URL (default http://127.0.0.1:4000). `corpus up` spawns this file.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDirectory = dirname(fileURLToPath(import.meta.url));
const port = process.env.PORT && process.env.PORT !== "" ? process.env.PORT : "3000";
const host = process.env.HOSTNAME && process.env.HOSTNAME !== "" ? process.env.HOSTNAME : "127.0.0.1";
const apiUrl = process.env.CORPUS_API_URL || "http://127.0.0.1:4000";

if (!/^\d+$/.test(port) || Number(port) > 65535) {
  console.error(`web: PORT must be a number from 0 to 65535, got "${port}".`);
  process.exit(2);
}
const distDirectory = process.env.CORPUS_WEB_DIST_DIR || ".next";
if (!existsSync(join(appDirectory, distDirectory, "BUILD_ID"))) {
  console.error(
    `web: no built app in ${join(appDirectory, distDirectory)}. Build it first: pnpm exec turbo run build --filter @corpus/web`,
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const nextBin = join(dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, "start", "--port", port, "--hostname", host], {
  cwd: appDirectory,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, CORPUS_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
});
console.log(`web: starting on http://${host}:${port} (API: ${apiUrl})`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
