import { createDocumentId } from "@corpus/schema";
import { type ParseContext, createProvenance } from "../context.js";
import type { InputResult } from "../json-input.js";
import { normalizeText } from "../normalize.js";

export interface PageHints {
  title?: string;
  url?: string;
  site?: string;
}

/** Placeholder generic reader; the layout readers replace it. */
export function parseTextInput(raw: string, context: ParseContext, _hints: PageHints = {}): InputResult {
  const text = normalizeText(raw);
  const source = { contentHash: context.contentHash, mediaType: context.mediaType, path: context.path, text };
  if (text === "") {
    return {
      records: [],
      sources: [],
      diagnostics: [
        {
          severity: "error",
          code: "no-content",
          file: context.path,
          message: `${context.path}: no readable text (only whitespace or control characters); skipped, nothing stored.`,
        },
      ],
    };
  }
  const firstLine = text.split("\n")[0]!.slice(0, 200);
  const title = firstLine.trim() || "Untitled";
  return {
    records: [
      {
        id: createDocumentId(title),
        kind: "publication",
        subtype: "other",
        title,
        titleDerived: true,
        extent: "full",
        sections: [{ text, quotes: [] }],
        people: [],
        organizations: [],
        topics: [],
        regions: [],
        hashtags: [],
        links: [],
        provenance: [createProvenance(context, "generic", { title: [{ start: 0, end: firstLine.length }] })],
      },
    ],
    sources: [source],
    diagnostics: [],
  };
}
