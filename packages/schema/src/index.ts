/**
 * @corpus/schema: the typed records of a Corpus library. Every package reads and writes these
 * shapes; other projects can import them, or use the JSON Schema files under `json-schema/`.
 */
export * from "./document.js";
export * from "./entities.js";
export * from "./event.js";
export * from "./field-paths.js";
export * from "./ids.js";
export * from "./issue.js";
export * from "./names.js";
export * from "./partial-date.js";
export * from "./provenance.js";
export * from "./publication.js";
export * from "./record.js";
export * from "./search.js";
export * from "./stub.js";
export * from "./validate.js";
export * from "./json-schemas.js";
