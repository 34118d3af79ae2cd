/** Recorded in every record's provenance; a test keeps it equal to package.json's version. */
export const PARSER_VERSION = "0.1.0";
export const PARSER_NAME = "@corpus/ingest";
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
