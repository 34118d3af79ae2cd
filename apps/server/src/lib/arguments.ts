import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../command.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs with usage errors a person can act on. */
export function parseArguments<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}

/** "--kind event --kind issue" and "--kind event,issue" both give ["event", "issue"]. */
export function listOption(value: string | string[] | boolean | undefined): string[] | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** Strips terminal control characters from text that came from scraped pages before printing it. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** "1 document", "2 documents": counts as a person writes them. */
export function documentsLabel(count: number): string {
  return `${count} ${count === 1 ? "document" : "documents"}`;
}
