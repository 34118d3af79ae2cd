import { toValidationIssues, type ValidationIssue } from "@corpus/schema";
import { InvalidCursorError } from "@corpus/store";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.js";

/** Said instead of an internal error's own message, which may name files, SQL or other internals. */
export const INTERNAL_ERROR_MESSAGE =
  "Internal error: the request could not be completed. The server log has the details under this request's id.";

const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : undefined;
    const issues: ValidationIssue[] | undefined = zodError ? toValidationIssues(zodError) : undefined;
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? INTERNAL_ERROR_MESSAGE
        : issues
          ? `Input rejected: ${issues
              .slice(0, 5)
              .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
              .join("; ")}`
          : shape.message;
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, issues },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

/**
 * For procedures that take a paging cursor: a stale or hand-made one is the caller's mistake
 * (400), not the server's. Only these pay for the extra middleware; get-by-id stays lean.
 */
export const pagedProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof InvalidCursorError) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The cursor is not valid for this query: start again without it.",
      cause: result.error.cause,
    });
  }
  return result;
});
export const createCallerFactory = t.createCallerFactory;

/** Writes: refused when the server has no admin token (writes off) or the caller did not send it. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.auth.writesEnabled) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        "Writes are off on this server: start it with CORPUS_ADMIN_TOKEN set to enable admin procedures.",
    });
  }
  if (!ctx.auth.admin) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "This procedure needs the admin token: send it as 'Authorization: Bearer <token>'.",
    });
  }
  return next();
});

export function notFound(what: string, id: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `No ${what} with id "${id}" in this library.` });
}
