/**
 * A letter or digit in the JSON Schema files, where `\p{L}` cannot be written: Python's `re`
 * (jsonschema, openapi-spec-validator) and other validators outside JavaScript refuse it, so a
 * Python or R user could not load the schema at all. Exact for ASCII; any other character that
 * is not a space passes (the zod schemas, which ingest, the store and the API apply, still want
 * a letter or digit there).
 */
export const PORTABLE_LETTER_OR_DIGIT = "[^\\s\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]";
