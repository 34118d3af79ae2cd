import { InvalidCursorError, LibraryUnavailableError } from "@corpus/store";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";

/**
 * Any failure as a TRPCError: a bad paging cursor from a streamed export is still a 400, and a
 * database that does not answer is a 503 (try again), not a 500 (a bug).
 */
export function toTrpcError(cause: unknown): TRPCError {
  const error = getTRPCErrorFromUnknown(cause);
  if (
    error.code === "INTERNAL_SERVER_ERROR" &&
    (cause instanceof InvalidCursorError || error.cause instanceof InvalidCursorError)
  ) {
    return new TRPCError({
      code: "BAD_REQUEST",
      message: "The cursor is not valid for this query: start again without it.",
      cause,
    });
  }
  const unavailable = [cause, error.cause].find((item) => item instanceof LibraryUnavailableError);
  if (error.code === "INTERNAL_SERVER_ERROR" && unavailable) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The library's database is not answering. Try again in a moment.",
      cause,
    });
  }
  return error;
}
