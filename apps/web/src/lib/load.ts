import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { environment } from "@/env";

export interface ApiProblem {
  /** "down": nothing answered; "error": the API answered with an error. */
  kind: "down" | "error";
  message: string;
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem };

/** Sorts an API failure into what the page tells the reader. */
export function describeApiFailure(error: unknown, apiUrl: string): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; httpStatus?: number } | undefined;
    if (data?.code) return { kind: "error", message: error.message };
    if (error.cause instanceof Error && error.cause.name === "TimeoutError") {
      return { kind: "down", message: `The library's API at ${apiUrl} did not answer in time.` };
    }
  }
  return {
    kind: "down",
    message: `The library's API at ${apiUrl} is not answering. Start it with "pnpm corpus serve" (or "npm start"), or point CORPUS_API_URL at it.`,
  };
}

export function isNotFound(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "NOT_FOUND"
  );
}

/**
 * Awaits an API call for a page. Not-found becomes the 404 page; any other failure becomes a
 * problem the page shows in words, so a page is never blank when the API is down.
 */
export async function load<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    if (isNotFound(error)) notFound();
    return { ok: false, problem: describeApiFailure(error, environment().apiUrl) };
  }
}

/** Like load, but a missing record is a value rather than the 404 page (for optional parts). */
export async function loadOptional<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch {
    return null;
  }
}
