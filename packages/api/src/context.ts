import type { Store } from "@corpus/store";
import { createDefaultIngestPipeline, type IngestPipeline } from "./ingest-pipeline.js";

/**
 * Who is calling. The HTTP server decides this (constant-time token comparison) before a
 * procedure runs; the router only reads the verdict, so scripts and tests can pass their own.
 */
export interface Auth {
  /** False when the server has no admin token configured: writes are off, not open. */
  writesEnabled: boolean;
  /** True when the request carried the admin token. */
  admin: boolean;
  /** Recorded in the audit trail for writes: never the token itself. */
  actor: string;
}

export const anonymousAuth: Auth = Object.freeze({ writesEnabled: false, admin: false, actor: "anonymous" });

export interface ContextInnerOptions {
  store: Store;
  auth?: Auth;
  /** Defaults to @corpus/ingest's pipeline; tests and scripts may pass their own. */
  ingest?: IngestPipeline;
}

export interface Context {
  store: Store;
  auth: Auth;
  ingest: IngestPipeline;
}

let defaultIngest: IngestPipeline | undefined;

/** The context every procedure sees, without any HTTP: use it from tests and scripts. */
export function createContextInner(options: ContextInnerOptions): Context {
  defaultIngest ??= createDefaultIngestPipeline();
  return {
    store: options.store,
    auth: options.auth ?? anonymousAuth,
    ingest: options.ingest ?? defaultIngest,
  };
}
