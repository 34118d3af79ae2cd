import { describe, expect, it } from "vitest";
import { readEnvironment } from "./env";

describe("environment", () => {
  it("defaults the API to the local server and trims a trailing slash", () => {
    expect(readEnvironment({}).apiUrl).toBe("http://127.0.0.1:4000");
    expect(readEnvironment({ CORPUS_API_URL: "http://127.0.0.1:4100/" }).apiUrl).toBe(
      "http://127.0.0.1:4100",
    );
  });

  it("says what to set when the API address is wrong", () => {
    expect(() => readEnvironment({ CORPUS_API_URL: "localhost 4000" })).toThrow(
      /CORPUS_API_URL is not a URL/,
    );
    expect(() => readEnvironment({ CORPUS_API_URL: "ftp://x" })).toThrow(/http:\/\/ or https:\/\//);
  });
});
