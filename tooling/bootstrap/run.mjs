#!/usr/bin/env node
// The two README commands (`npm start`, `npm test`) land here. They must work on a machine that
// has only Node.js and npm, so this script does its own set-up: it checks the Node version,
// fetches the pinned pnpm into .corpus/tools (no global install, no corepack), installs the
// workspace, builds it, and then starts the product or runs every check.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const [command = "test", ...rest] = process.argv.slice(2);

const MIN_NODE = [20, 19];
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  fail(
    `Node ${process.versions.node} is too old: Corpus needs Node ${MIN_NODE.join(".")} or newer ` +
      "(20, 22 and 24 are tested). Install a current Node.js LTS and run the command again.",
  );
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  // pnpm 10 would otherwise prompt when it recreates node_modules.
  CI: process.env.CI ?? "",
};

const pnpm = ensurePnpm();
// turbo looks pnpm up on PATH; node_modules/.bin makes the workspace's own tools callable too.
env.PATH = [
  join(root, ".corpus", "tools", "node_modules", ".bin"),
  join(root, "node_modules", ".bin"),
  env.PATH,
]
  .filter(Boolean)
  .join(delimiter);
step("Installing dependencies", pnpm, [
  "install",
  // node_modules installed in another mode (CI=1, as .ci/run does) make pnpm recreate them; it
  // asks first, and where there is no terminal to ask (`npm start` from a script) it aborts.
  "--config.confirmModulesPurge=false",
  existsSync(join(root, "pnpm-lock.yaml")) ? "--frozen-lockfile" : "--no-frozen-lockfile",
]);

if (command === "test") {
  step("Building, type-checking and testing every package", pnpm, [
    "exec",
    "turbo",
    "run",
    "build",
    "typecheck",
    "test",
    "--concurrency=2",
    // Report every failing package, not only the first.
    "--continue",
    ...rest,
  ]);
  step("Linting", pnpm, ["exec", "biome", "check", "."]);
  console.log("\nAll checks passed.");
} else if (command === "start") {
  step("Building", pnpm, ["exec", "turbo", "run", "build"]);
  // `corpus up` loads the demo library on first start and serves the API and the web app.
  run(process.execPath, [join(root, "apps/server/dist/cli.js"), "up", ...rest]);
} else {
  fail(`Unknown command "${command}". Use "start" or "test".`);
}

function ensurePnpm() {
  const wanted = String(manifest.packageManager).replace(/^pnpm@/, "");
  const toolsDir = join(root, ".corpus", "tools");
  const bin = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");
  const installedVersion = existsSync(bin)
    ? JSON.parse(readFileSync(join(toolsDir, "node_modules", "pnpm", "package.json"), "utf8")).version
    : null;
  if (installedVersion !== wanted) {
    step(`Fetching pnpm ${wanted} into .corpus/tools`, "npm", [
      "install",
      "--prefix",
      toolsDir,
      "--no-save",
      "--no-package-lock",
      "--loglevel=error",
      `pnpm@${wanted}`,
    ]);
  }
  return { node: bin };
}

function step(title, program, args) {
  console.log(`\n▸ ${title}`);
  run(program, args);
}

function run(program, args) {
  const [file, argv] =
    typeof program === "object" ? [process.execPath, [program.node, ...args]] : [program, args];
  const result = spawnSync(file, argv, { cwd: root, env, stdio: "inherit" });
  if (result.error) fail(`Could not run ${file}: ${result.error.message}`);
  if (result.signal) process.kill(process.pid, result.signal);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(1);
}
