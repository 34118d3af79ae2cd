// `--help` for the benchmark scripts: prints the comment block at the top of the script (what it
// measures, its usage line and options) and exits. Call before parseArgs, which refuses unknown options.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function exitWithHelpIfAsked(scriptUrl) {
  const args = process.argv.slice(2);
  if (!args.includes("--help") && !args.includes("-h")) return;
  const lines = readFileSync(fileURLToPath(scriptUrl), "utf8").split("\n");
  const header = [];
  for (const line of lines) {
    if (line.startsWith("#!")) continue;
    if (!line.startsWith("//")) break;
    header.push(line.replace(/^\/\/ ?/, ""));
  }
  console.log(header.join("\n"));
  process.exit(0);
}
