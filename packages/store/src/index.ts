export type { AuditEntry, ListEntitiesOptions, Store, UpsertBatch, UpsertSummary } from "./store.js";
