import { InvalidCursorError } from "@corpus/store";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";

/** Any failure as a TRPCError; a bad paging cursor from a streamed export is still a 400. */
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
  return error;
}
