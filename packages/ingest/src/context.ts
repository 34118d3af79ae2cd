import type { MediaType, Provenance, Span } from "@corpus/schema";
import { PARSER_NAME, PARSER_VERSION } from "./version.js";

/** What every record made from one input shares. */
export interface ParseContext {
  path: string;
  contentHash: string;
  mediaType: MediaType;
  parsedAt: string;
}

/** One provenance entry; `layout` names the reader that understood the page ("usip-event", ...). */
export function createProvenance(
  context: ParseContext,
  layout: string,
  fields: Record<string, Span[]> = {},
): Provenance {
  return {
    input: { path: context.path, contentHash: context.contentHash, mediaType: context.mediaType },
    parser: { name: `${PARSER_NAME}/${layout}`, version: PARSER_VERSION },
    parsedAt: context.parsedAt,
    fields,
  };
}
