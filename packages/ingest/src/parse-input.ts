import type { MediaType } from "@corpus/schema";
import { decodeText, sha256Hex } from "./decode.js";
import { parseJsonInput, parseNdjsonInput } from "./json-input.js";
import { parseHtmlInput } from "./html-input.js";
import { parseTextInput } from "./text/parse-text.js";
import type { Diagnostic, ParsedFile, ParseOptions } from "./types.js";
import { DEFAULT_MAX_BYTES } from "./version.js";

const mediaTypes: Record<string, MediaType> = {
  txt: "text/plain",
  text: "text/plain",
  html: "text/html",
  htm: "text/html",
  xhtml: "text/html",
  json: "application/json",
  ndjson: "application/x-ndjson",
  jsonl: "application/x-ndjson",
};

export function mediaTypeOf(path: string): MediaType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension ? mediaTypes[extension] : undefined;
}

/**
 * Parses one input, synchronously. Never throws: every problem is a diagnostic naming the file,
 * and `failed` is set when nothing usable came out.
 */
export function parseInput(
  input: { path: string; bytes: Uint8Array },
  options: ParseOptions = {},
): ParsedFile {
  const path = input.path || "(unnamed input)";
  const bytes = input.bytes;
  const contentHash = sha256Hex(bytes);
  const mediaType = mediaTypeOf(path);
  const result: ParsedFile = { path, contentHash, records: [], sources: [], diagnostics: [], failed: false };
  if (mediaType) result.mediaType = mediaType;
  const fail = (code: Diagnostic["code"], message: string): ParsedFile => {
    result.diagnostics.push({ severity: "error", code, file: path, message });
    result.failed = true;
    return result;
  };
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length > maxBytes) {
      return fail(
        "too-large",
        `${path}: ${bytes.length} bytes is over the ${maxBytes}-byte limit; skipped, nothing stored. Split the file or raise the limit (maxBytes / --max-bytes).`,
      );
    }
    if (!mediaType) {
      return fail(
        "unsupported-type",
        `${path}: not a supported file type; skipped. Use .txt, .html, .json or .ndjson (rename the file if its content is one of these).`,
      );
    }
    if (bytes.length === 0) return fail("empty", `${path}: the file is empty; skipped, nothing stored.`);
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      if (decoded.reason === "binary") {
        return fail(
          "binary",
          `${path}: looks binary (NUL byte at offset ${decoded.offset}); skipped, nothing stored. Save the page as text or HTML.`,
        );
      }
      if (decoded.reason === "invalid-utf16") {
        return fail(
          "invalid-utf16",
          `${path}: starts as UTF-16 but is not valid UTF-16 (at byte offset ${decoded.offset}); skipped, nothing stored. Re-save the file as UTF-8.`,
        );
      }
      const byte = decoded.byte.toString(16).padStart(2, "0");
      return fail(
        "invalid-utf8",
        `${path}: not UTF-8 (byte 0x${byte} at offset ${decoded.offset}); skipped, nothing stored. Re-save the file as UTF-8.`,
      );
    }
    const context = {
      path,
      contentHash,
      mediaType,
      parsedAt: (options.now?.() ?? new Date()).toISOString(),
    };
    const parsed =
      mediaType === "application/json"
        ? parseJsonInput(decoded.text, context)
        : mediaType === "application/x-ndjson"
          ? parseNdjsonInput(decoded.text, context)
          : mediaType === "text/html"
            ? parseHtmlInput(decoded.text, context)
            : parseTextInput(decoded.text, context);
    result.records = parsed.records;
    result.sources = parsed.sources;
    result.diagnostics.push(...parsed.diagnostics);
    result.failed =
      parsed.records.length === 0 && parsed.diagnostics.some((item) => item.severity === "error");
    return result;
  } catch (error) {
    // A parser bug must not take the batch down; report it against the file instead.
    const reason = error instanceof Error ? error.message : String(error);
    return fail("unreadable", `${path}: the parser failed (${reason}); skipped. Please report this file.`);
  }
}
