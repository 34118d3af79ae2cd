import { lstat, readFile, readdir, readlink, stat } from "node:fs/promises";
import { join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { mediaTypeOf, parseInput } from "./parse-input.js";
import type { ParsedFile, ParseOptions } from "./types.js";
import { DEFAULT_MAX_BYTES } from "./version.js";

/** How many files are read at once: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 8;

/**
 * Parses files, folders (recursively, supported extensions only) and globs. Never throws for bad
 * input: a path that does not exist or cannot be read is a failed ParsedFile with a diagnostic
 * (its `contentHash` is "" because no bytes were read). Results are in path order.
 */
export async function parseFiles(patterns: string[], options: ParseOptions = {}): Promise<ParsedFile[]> {
  const paths = new Set<string>();
  const problems: ParsedFile[] = [];
  for (const pattern of patterns) {
    try {
      const found = await expandPattern(pattern);
      if (found.length === 0)
        problems.push(missing(pattern, "matched no .txt, .html, .json or .ndjson file"));
      for (const path of found) paths.add(path);
    } catch (error) {
      problems.push(unreadable(pattern, error));
    }
  }
  const sorted = [...paths].sort();
  const results: ParsedFile[] = new Array(sorted.length);
  let next = 0;
  const worker = async () => {
    while (next < sorted.length) {
      const index = next++;
      results[index] = await parsePath(sorted[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, sorted.length) }, worker));
  return [...problems, ...results];
}

async function expandPattern(pattern: string): Promise<string[]> {
  if (isDynamicPattern(pattern)) {
    const found = await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false });
    return found.filter((path) => mediaTypeOf(path) !== undefined);
  }
  const info = await stat(pattern).catch(() => null);
  if (!info) return [pattern]; // parsePath reports it as not found
  if (info.isDirectory()) return walk(pattern);
  return [pattern];
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && mediaTypeOf(path) !== undefined) found.push(path);
  }
  return found;
}

async function parsePath(path: string, options: ParseOptions): Promise<ParsedFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    return missing(path, await whyNotFound(path, error));
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) {
    // Checked before reading, so a huge file is never loaded into memory.
    return {
      ...failed(path),
      diagnostics: [
        {
          severity: "error",
          code: "too-large",
          file: path,
          message: `${path}: ${info.size} bytes is over the ${maxBytes}-byte limit; skipped, nothing stored. Split the file or raise the limit (maxBytes / --max-bytes).`,
        },
      ],
    };
  }
  try {
    const bytes = await readFile(path);
    return parseInput(
      { path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      options,
    );
  } catch (error) {
    return unreadable(path, error);
  }
}

/** Why a path cannot be opened, in the words of what is wrong with it (a loop is not "missing"). */
async function whyNotFound(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "a symbolic link that leads back to itself (a link loop)";
  if (code === "EACCES" || code === "EPERM") return "not allowed to open it (check its permissions)";
  if (code === "ENOENT" && (await lstat(path).catch(() => null))?.isSymbolicLink())
    return `a symbolic link to ${await readlink(path).catch(() => "somewhere")}, which does not exist`;
  return "no such file or folder";
}

function failed(path: string): ParsedFile {
  return { path, contentHash: "", records: [], sources: [], diagnostics: [], failed: true };
}

function missing(path: string, reason: string): ParsedFile {
  return {
    ...failed(path),
    diagnostics: [
      {
        severity: "error",
        code: "not-found",
        file: path,
        message: `${path}: ${reason}; nothing read. Check the path (folders are read recursively; quote globs so the shell does not expand them).`,
      },
    ],
  };
}

function unreadable(path: string, error: unknown): ParsedFile {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ...failed(path),
    diagnostics: [
      {
        severity: "error",
        code: "unreadable",
        file: path,
        message: `${path}: could not be read (${reason}); skipped. Check its permissions.`,
      },
    ],
  };
}
