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
      mode: "simple",
      scope: undefined,
      section: undefined,
    });
  });

  it("reads --advanced, --scope and --section, a heading alone meaning that section", () => {
    expect(parseArguments(["--advanced", "--scope=title", "talks"])).toMatchObject({
      mode: "advanced",
      scope: "title",
      query: "talks",
    });
    expect(parseArguments(["--section", "In the News", "sudan"])).toMatchObject({
      scope: undefined,
      section: "In the News",
      query: "sudan",
    });
    expect(() => parseArguments(["--scope", "titles"])).toThrow(
      new ArgumentError('--scope "titles" is not one of: all, title, section'),
    );
    expect(() => parseArguments(["--scope", "section"])).toThrow(/needs the heading: add --section/);
    expect(() => parseArguments(["--section", "x".repeat(201)])).toThrow(/a heading has at most 200/);
  });

  it("reads --advanced=false as off and refuses another value", () => {
    expect(parseArguments(["--advanced=false", "talks"]).mode).toBe("simple");
    expect(parseArguments(["--advanced=true", "talks"]).mode).toBe("advanced");
    expect(() => parseArguments(["--advanced=yes"])).toThrow(ArgumentError);
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
