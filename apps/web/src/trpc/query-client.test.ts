import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { shouldRetry } from "./query-client";

describe("retrying API calls", () => {
  it("does not repeat a call the API answered with an error, such as a missing record", () => {
    const notFound = new TRPCClientError("No document doc:nope", {
      result: { error: { code: -32004, message: "No document doc:nope", data: { code: "NOT_FOUND" } } },
    } as never);
    expect(notFound.data).toMatchObject({ code: "NOT_FOUND" });
    expect(shouldRetry(0, notFound)).toBe(false);
  });

  it("repeats once a call that got no answer", () => {
    const refused = new TRPCClientError("fetch failed", { cause: new TypeError("fetch failed") });
    expect(shouldRetry(0, refused)).toBe(true);
    expect(shouldRetry(1, refused)).toBe(false);
    expect(shouldRetry(0, new Error("socket hang up"))).toBe(true);
  });
});
