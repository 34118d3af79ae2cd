import { describe, expect, it } from "vitest";
import { ArgumentError, parseArguments } from "./args.js";

describe("parseArguments", () => {
  it("reads --server, --db and a query in any order", () => {
    expect(
      parseArguments(["nuclear", "--server", "http://127.0.0.1:4100/", "talks", "--db=/tmp/x.db"]),
    ).toEqual({
      help: false,
      server: "http://127.0.0.1:4100",
      database: "/tmp/x.db",
      query: "nuclear talks",
    });
  });

  it("says what is wrong with a bad option", () => {
    expect(() => parseArguments(["--server"])).toThrow(new ArgumentError("--server needs a value"));
    expect(() => parseArguments(["--server", "localhost"])).toThrow(/not a URL/);
    expect(() => parseArguments(["--colour"])).toThrow(/unknown option --colour/);
  });

  it("treats everything after -- as the query", () => {
    expect(parseArguments(["--", "--help", "me"]).query).toBe("--help me");
  });
});
