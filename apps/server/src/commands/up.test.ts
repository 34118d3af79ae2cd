import { describe, expect, it } from "vitest";
import { UsageError } from "../command.js";
import { takeWebPort } from "./up.js";

describe("corpus up --web-port", () => {
  it("takes the web app's port out of the arguments and leaves corpus serve's", () => {
    expect(takeWebPort(["--port", "4200", "--web-port", "3200", "--db", "x.db"])).toEqual({
      webPort: 3200,
      rest: ["--port", "4200", "--db", "x.db"],
    });
    expect(takeWebPort(["--web-port=3300"])).toEqual({ webPort: 3300, rest: [] });
    expect(takeWebPort(["--port", "4200"])).toEqual({ webPort: 3000, rest: ["--port", "4200"] });
  });

  it("refuses a port that is not one, naming the option", () => {
    for (const argv of [["--web-port"], ["--web-port", "abc"], ["--web-port=0"], ["--web-port", "70000"]])
      expect(() => takeWebPort(argv)).toThrow(UsageError);
    expect(() => takeWebPort(["--web-port", "x"])).toThrow(
      /--web-port takes a port from 1 to 65535, not "x"/,
    );
  });
});
