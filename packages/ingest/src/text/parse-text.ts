import { type CorpusRecord, formatIssuePath, recordSchema } from "@corpus/schema";
import type { ParseContext } from "../context.js";
import type { Diagnostic } from "../types.js";
import type { InputResult } from "../json-input.js";
import { normalizeText } from "../normalize.js";
import { type HeaderMemo, isPlainlyValidRecord } from "../valid-record.js";
import { detectLayout, type Layout } from "./detect.js";
import { readDigestArticle, readIssue } from "./digest.js";
import { readEvent } from "./event-page.js";
import { readGeneric } from "./generic.js";
import { contentLines } from "./lines.js";
import { emitPublication, readPublicationBlocks } from "./publications.js";
import { PageRecords } from "./records.js";

export interface PageHints {
  title?: string;
  url?: string;
  site?: string;
}

/**
 * Page text (as a scraper saves it, or extracted from HTML) into records. The layout is
 * detected from the page's structure (see detect.ts and docs/decisions/0011-layout-detection.md);
 * whatever the text, the generic reader yields at least one document.
 */
export function parseTextInput(raw: string, context: ParseContext, hints: PageHints = {}): InputResult {
  const text = normalizeText(raw);
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
  const lines = contentLines(text);
  const layout = detectLayout(lines);
  const page = new PageRecords(context, layout.name, text);
  read(page, layout, text, lines, hints);
  if (page.documents.length === 0) readGeneric(page, text, lines, hints);
  const source = { contentHash: context.contentHash, mediaType: context.mediaType, path: context.path, text };
  const records: CorpusRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  // Every record leaves valid against the schema, and a parser bug becomes a warning on the file
  // instead of an invalid record in the library. Records that are plainly valid as built skip
  // the full schema parse (docs/decisions/0014-fast-record-validation.md); the rest go through it.
  const checkedHeaders: HeaderMemo = { seen: new Set() };
  for (const record of page.records()) {
    if (isPlainlyValidRecord(record, checkedHeaders)) {
      records.push(record);
      continue;
    }
    const checked = recordSchema.safeParse(record);
    if (checked.success) records.push(checked.data);
    else {
      const issue = checked.error.issues[0];
      diagnostics.push({
        severity: "warning",
        code: "schema",
        file: context.path,
        field: formatIssuePath(issue?.path ?? []),
        message: `${context.path}: dropped ${record.kind} ${record.id} that the ${layout.name} reader built wrongly (${formatIssuePath(issue?.path ?? [])}: ${issue?.message}); the rest of the page was kept. Please report this page.`,
      });
    }
  }
  return { records, sources: [source], diagnostics };
}

function read(
  page: PageRecords,
  layout: Layout,
  text: string,
  lines: ReturnType<typeof contentLines>,
  hints: PageHints,
): void {
  switch (layout.name) {
    case "digest-article":
      readDigestArticle(page, lines, layout, hints);
      return;
    case "digest-issue":
      readIssue(page, lines, layout, hints);
      return;
    case "event":
      readEvent(page, text, lines, layout, hints);
      return;
    case "listing":
      for (const block of readPublicationBlocks(lines, 0, lines.length)) {
        const defaults: Parameters<typeof emitPublication>[3] = {};
        if (layout.site) defaults.site = layout.site;
        if (layout.site === "Peace Science Digest") defaults.subtype = "digest-article";
        emitPublication(page, block, "teaser", defaults);
      }
      return;
    case "publication": {
      const blocks = readPublicationBlocks(lines, 0, lines.length);
      const [main, ...rest] = blocks;
      if (!main) return;
      const defaults: Parameters<typeof emitPublication>[3] = {};
      if (hints.site) defaults.site = hints.site;
      const document = emitPublication(page, main, "full", defaults);
      if (hints.url) document.set("source", { ...(document.record.source as object), url: hints.url });
      for (const block of rest) {
        const teaser = emitPublication(page, block, "teaser");
        document.link("related", { id: teaser.id, title: teaser.record.title as string });
      }
      return;
    }
    default:
      readGeneric(page, text, lines, hints);
  }
}
