import type * as z from "zod";
import { type CorpusRecord, recordSchema } from "./record.js";

export interface ValidationIssue {
  /** Where the problem is, written as a JavaScript path: `people[2].role`. Empty for the whole value. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** `["people", 2, "role"]` → `people[2].role`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment))
      text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** One line per issue: `people[2].role: Invalid option: expected one of ...`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
}

/** Validates any value as a record, never throwing. */
export function parseRecord(value: unknown): ValidationResult<CorpusRecord> {
  return validateWith(recordSchema, value);
}

export function validateWith<S extends z.ZodType>(schema: S, value: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toValidationIssues(result.error) };
}
